package org.muonscope.engine.experiments.cnn;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.muonscope.engine.io.AtomicFiles;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.optim.Optimizer;
import org.muonscope.engine.optim.Param;
import org.muonscope.engine.run.Values;
import org.muonscope.engine.spec.CnnSpec;

/**
 * An end-of-epoch checkpoint of one optimizer's training: counters, the evaluations so far, the double master
 * weights, the optimizer's own state and the model's buffers (batch normalization's running statistics),
 * behind a fingerprint of the spec (threads excluded: results do not depend on them). Written with
 * {@link AtomicFiles}, so a crash leaves the previous checkpoint intact.
 */
final class CnnCheckpoint {
    /**
     * Version 4 adds the model's buffers (batch-norm running statistics) to version 3, which holds the evaluations
     * as records ({@link Values}); a version 3 file still resumes a model without buffers. Checkpoints of earlier
     * versions belong to the writers before the one experiment contract and are not resumed: such a run starts over.
     */
    private static final String MAGIC = "muonscope-cnn-checkpoint-4";
    private static final String MAGIC_V3 = "muonscope-cnn-checkpoint-3";

    private CnnCheckpoint() { }

    /** Mutable training counters, shared by the training loop and the checkpoint. */
    static final class State {
        int epochsDone;
        long step;
        long images;
        double seconds;
        double lossSum;
        long lossCount;
        /** The step of each evaluation, beside its values. */
        final List<Long> evalSteps = new ArrayList<>();
        final List<Values> evals = new ArrayList<>();
    }

    static String fingerprint(CnnSpec spec, int optimizerIndex) {
        ObjectNode n = SpecCodec.toTree(spec);
        n.remove("threads");
        n.remove("epochs"); // a finished run may be extended by more epochs
        n.put("optimizerIndex", optimizerIndex);
        return n.toString();
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
            for (int i = 0; i < st.evals.size(); i++) {
                out.writeLong(st.evalSteps.get(i));
                st.evals.get(i).write(out);
            }
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
            boolean v4 = MAGIC.equals(magic);
            if (!(v4 || MAGIC_V3.equals(magic)) || !fingerprint.equals(in.readUTF())) return false;
            State s = new State();
            s.epochsDone = in.readInt();
            s.step = in.readLong();
            s.images = in.readLong();
            s.seconds = in.readDouble();
            s.lossSum = in.readDouble();
            s.lossCount = in.readLong();
            int ne = in.readInt();
            for (int i = 0; i < ne; i++) {
                s.evalSteps.add(in.readLong());
                s.evals.add(Values.read(in));
            }
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
            int nb = v4 ? in.readInt() : 0;
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
            st.evalSteps.clear();
            st.evalSteps.addAll(s.evalSteps);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + file + " is damaged: " + e.getMessage(), e);
        }
    }

}
