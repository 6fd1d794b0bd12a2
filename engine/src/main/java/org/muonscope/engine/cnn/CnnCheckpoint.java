package org.muonscope.engine.cnn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.muonscope.engine.experiment.AtomicFiles;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.Param;

/**
 * An end-of-epoch checkpoint of one optimizer's training: counters, the evaluations so far, the double master
 * weights, the optimizer's own state and the model's buffers (batch normalization's running statistics),
 * behind a fingerprint of the spec (threads excluded: results do not depend on them). Written with
 * {@link AtomicFiles}, so a crash leaves the previous checkpoint intact.
 */
final class CnnCheckpoint {
    /**
     * Version 3 adds the model's buffers, version 2 each evaluation's confusion matrix; version 1 and 2 files
     * still resume models without buffers (version 1 without the matrices).
     */
    private static final String MAGIC = "muonscope-cnn-checkpoint-3";
    private static final String MAGIC_V2 = "muonscope-cnn-checkpoint-2";
    private static final String MAGIC_V1 = "muonscope-cnn-checkpoint-1";

    private CnnCheckpoint() { }

    /** Mutable training counters, shared by the training loop and the checkpoint. */
    static final class State {
        int epochsDone;
        long step;
        long images;
        double seconds;
        double lossSum;
        long lossCount;
        final List<CnnEval> evals = new ArrayList<>();
    }

    static String fingerprint(CnnSpec spec, int optimizerIndex) {
        Map<String, Object> m = spec.toMap();
        m.remove("threads");
        m.remove("epochs"); // a finished run may be extended by more epochs
        m.put("optimizer_index", optimizerIndex);
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void save(Path file, String fingerprint, State st, List<Param> params, Optimizer opt, List<double[]> buffers) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MAGIC);
            out.writeUTF(fingerprint);
            out.writeInt(st.epochsDone);
            out.writeLong(st.step);
            out.writeLong(st.images);
            out.writeDouble(st.seconds);
            out.writeDouble(st.lossSum);
            out.writeLong(st.lossCount);
            out.writeInt(st.evals.size());
            for (CnnEval e : st.evals) writeEval(out, e);
            out.writeInt(params.size());
            for (Param p : params) {
                out.writeInt(p.value().numRows);
                out.writeInt(p.value().numCols);
                for (double v : p.value().data) out.writeDouble(v);
            }
            opt.saveState(out);
            out.writeInt(buffers.size());
            for (double[] b : buffers) {
                out.writeInt(b.length);
                for (double v : b) out.writeDouble(v);
            }
            out.flush();
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores a checkpoint into {@code st}, {@code params} and {@code opt} when the file exists and was written
     * for this fingerprint; returns false (and changes nothing) when there is none or it belongs to another spec.
     *
     * @throws UncheckedIOException when a matching checkpoint is damaged
     */
    static boolean load(Path file, String fingerprint, State st, List<Param> params, Optimizer opt,
                        List<double[]> buffers) {
        if (!Files.isRegularFile(file)) return false;
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            String magic = in.readUTF();
            boolean v1 = MAGIC_V1.equals(magic), v3 = MAGIC.equals(magic);
            if (!(v1 || v3 || MAGIC_V2.equals(magic)) || !fingerprint.equals(in.readUTF())) return false;
            State s = new State();
            s.epochsDone = in.readInt();
            s.step = in.readLong();
            s.images = in.readLong();
            s.seconds = in.readDouble();
            s.lossSum = in.readDouble();
            s.lossCount = in.readLong();
            int ne = in.readInt();
            for (int i = 0; i < ne; i++) s.evals.add(readEval(in, !v1));
            int np = in.readInt();
            if (np != params.size()) throw new IOException("has " + np + " parameters, the model " + params.size());
            double[][] values = new double[np][];
            for (int i = 0; i < np; i++) {
                Param p = params.get(i);
                int r = in.readInt(), c = in.readInt();
                if (r != p.value().numRows || c != p.value().numCols) throw new IOException(p.name() + " has another shape");
                values[i] = new double[r * c];
                for (int j = 0; j < values[i].length; j++) values[i][j] = in.readDouble();
            }
            opt.loadState(in, params);
            int nb = v3 ? in.readInt() : 0;
            if (nb != buffers.size()) throw new IOException("has " + nb + " buffers, the model " + buffers.size());
            double[][] saved = new double[nb][];
            for (int i = 0; i < nb; i++) {
                int len = in.readInt();
                if (len != buffers.get(i).length) throw new IOException("buffer " + i + " has another length");
                saved[i] = new double[len];
                for (int j = 0; j < len; j++) saved[i][j] = in.readDouble();
            }
            for (int i = 0; i < np; i++) System.arraycopy(values[i], 0, params.get(i).value().data, 0, values[i].length);
            for (int i = 0; i < nb; i++) System.arraycopy(saved[i], 0, buffers.get(i), 0, saved[i].length);
            st.epochsDone = s.epochsDone;
            st.step = s.step;
            st.images = s.images;
            st.seconds = s.seconds;
            st.lossSum = s.lossSum;
            st.lossCount = s.lossCount;
            st.evals.clear();
            st.evals.addAll(s.evals);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static void writeEval(DataOutputStream out, CnnEval e) throws IOException {
        out.writeUTF(e.optimizer());
        out.writeLong(e.step());
        out.writeInt(e.epoch());
        out.writeLong(e.images());
        for (double v : new double[]{e.seconds(), e.trainLoss(), e.testAccuracy(), e.balancedAccuracy(),
                e.worstClassAccuracy(), e.cleanAccuracy(), e.spuriousAccuracy(), e.worstGroupAccuracy()}) {
            out.writeDouble(v);
        }
        writeArray(out, e.classAccuracy());
        writeArray(out, e.groupAccuracy());
        List<String> names = e.groupNames() == null ? List.of() : e.groupNames();
        out.writeBoolean(e.groupNames() != null);
        out.writeInt(names.size());
        for (String s : names) out.writeUTF(s);
        int[][] m = e.confusion();
        out.writeInt(m == null ? -1 : m.length);
        if (m != null) {
            for (int[] row : m) {
                out.writeInt(row.length);
                for (int v : row) out.writeInt(v);
            }
        }
    }

    private static CnnEval readEval(DataInputStream in, boolean withConfusion) throws IOException {
        String opt = in.readUTF();
        long step = in.readLong();
        int epoch = in.readInt();
        long images = in.readLong();
        double[] d = new double[8];
        for (int i = 0; i < 8; i++) d[i] = in.readDouble();
        double[] cls = readArray(in), groups = readArray(in);
        boolean hasNames = in.readBoolean();
        int nn = in.readInt();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < nn; i++) names.add(in.readUTF());
        int[][] confusion = null;
        int rows = withConfusion ? in.readInt() : -1;
        if (rows >= 0) {
            confusion = new int[rows][];
            for (int t = 0; t < rows; t++) {
                confusion[t] = new int[in.readInt()];
                for (int q = 0; q < confusion[t].length; q++) confusion[t][q] = in.readInt();
            }
        }
        return new CnnEval(opt, step, epoch, images, d[0], d[1], d[2], d[3], d[4], cls, d[5], d[6], groups, d[7],
                hasNames ? List.copyOf(names) : null, confusion);
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a == null ? -1 : a.length);
        if (a != null) for (double v : a) out.writeDouble(v);
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = in.readDouble();
        return a;
    }
}
