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
     *
     * <p>The pooling, ReLUs and flatten run inside the layers before them (decision 0504): the first conv pools
     * before its ReLU (max commutes with the monotone ReLU, so outputs and gradients equal the reference's
     * relu-then-pool, with the ReLU on a quarter of the values), the second writes the flattened activations.
     */
    public static Network paperCnn(Gemm gemm, Shape input, int classes) {
        List<Layer> ls = new ArrayList<>();
        Conv2d c1 = new Conv2d(gemm, "conv1", input, 32, 3, 1, 0, true, Conv2d.Output.POOL_RELU, Role.INPUT_LAYER);
        ls.add(c1);
        Conv2d c2 = new Conv2d(gemm, "conv2", c1.outShape(), 64, 3, 1, 0, true, Conv2d.Output.FLAT_RELU, Role.MATRIX);
        ls.add(c2);
        ls.add(new Dense(gemm, "fc1", c2.outShape().size(), 128, true, Role.MATRIX));
        ls.add(new Dense(gemm, "fc2", 128, classes, Role.OUTPUT_LAYER));
        return new Network("paper-cnn", input, ls, gemm.threads());
    }

    /** A ReLU MLP on the flattened input with the given hidden widths. */
    public static Network mlp(Gemm gemm, Shape input, List<Integer> hidden, int classes) {
        List<Layer> ls = new ArrayList<>();
        Flatten f = new Flatten(gemm.threads(), input);
        ls.add(f);
        int width = f.outShape().size();
        for (int i = 0; i < hidden.size(); i++) {
            Role role = i == 0 ? Role.INPUT_LAYER : Role.MATRIX;
            ls.add(new Dense(gemm, "fc" + (i + 1), width, hidden.get(i), true, role));
            width = hidden.get(i);
        }
        ls.add(new Dense(gemm, "fc" + (hidden.size() + 1), width, classes, Role.OUTPUT_LAYER));
        return new Network("mlp", input, ls, gemm.threads());
    }
}
