package org.muonscope.engine.model.cnn;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.optim.Role;

/** The networks Muonscope trains. */
public final class Models {
    /** Names accepted by {@link #create}. */
    public static final List<String> KINDS = List.of("paper-cnn", "mlp");

    private Models() { }

    public static Network create(String kind, Gemm gemm, Shape input, int classes) {
        return switch (kind) {
            case "paper-cnn" -> paperCnn(gemm, input, classes);
            case "mlp" -> mlp(gemm, input, List.of(256, 128), classes);
            default -> throw new SpecException("model", "unknown model '" + kind + "' (known: " + String.join(" ", KINDS) + ")");
        };
    }

    /**
     * The CNN of the simplicity-bias paper (App. C.3) as the reference script builds it: conv 3x3 32 (no
     * padding), ReLU, max-pool 2, conv 3x3 64, ReLU, dense 128, ReLU, dense {@code classes}; one pool only.
     * For 1x28x28 inputs: 26x26 -> 13x13 -> 11x11, so the dense layer is 128 x 7744.
     */
    public static Network paperCnn(Gemm gemm, Shape input, int classes) {
        List<Layer> ls = new ArrayList<>();
        Conv2d c1 = new Conv2d(gemm, "conv1", input, 32, 3, 0, Role.INPUT_LAYER);
        ls.add(c1);
        // pool before ReLU: max commutes with the monotone ReLU, so outputs and gradients equal the
        // reference's relu-then-pool, and the ReLU runs on a quarter of the values
        MaxPool2 pool = new MaxPool2(gemm.threads(), c1.outShape());
        ls.add(pool);
        ls.add(new Relu(gemm.threads(), pool.outShape()));
        Conv2d c2 = new Conv2d(gemm, "conv2", pool.outShape(), 64, 3, 0, Role.MATRIX);
        ls.add(c2);
        ls.add(new Relu(gemm.threads(), c2.outShape()));
        Flatten f = new Flatten(gemm.threads(), c2.outShape());
        ls.add(f);
        ls.add(new Dense(gemm, "fc1", f.outShape().size(), 128, Role.MATRIX));
        ls.add(new Relu(gemm.threads(), Shape.flat(128)));
        ls.add(new Dense(gemm, "fc2", 128, classes, Role.OUTPUT_LAYER));
        return new Network("paper-cnn", input, ls);
    }

    /** A ReLU MLP on the flattened input with the given hidden widths. */
    public static Network mlp(Gemm gemm, Shape input, List<Integer> hidden, int classes) {
        List<Layer> ls = new ArrayList<>();
        Flatten f = new Flatten(gemm.threads(), input);
        ls.add(f);
        int width = f.outShape().size();
        for (int i = 0; i < hidden.size(); i++) {
            ls.add(new Dense(gemm, "fc" + (i + 1), width, hidden.get(i), i == 0 ? Role.INPUT_LAYER : Role.MATRIX));
            ls.add(new Relu(gemm.threads(), Shape.flat(hidden.get(i))));
            width = hidden.get(i);
        }
        ls.add(new Dense(gemm, "fc" + (hidden.size() + 1), width, classes, Role.OUTPUT_LAYER));
        return new Network("mlp", input, ls);
    }
}
