package org.muonscope.engine.model.cnn;

import java.util.ArrayList;
import java.util.List;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.linalg.Gemm;
import org.muonscope.engine.optim.Role;

/** The networks Muonscope trains. */
public final class Models {
    /** Names accepted by {@link #create}. */
    public static final List<String> KINDS = List.of("paper-cnn", "mlp", "resnet20");

    private Models() { }

    public static Network create(String kind, Gemm gemm, Shape input, int classes) {
        return switch (kind) {
            case "paper-cnn" -> paperCnn(gemm, input, classes);
            case "mlp" -> mlp(gemm, input, List.of(256, 128), classes);
            case "resnet20" -> resnet20(gemm, input, classes);
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

    /**
     * ResNet-20 of He et al. (2016, section 4.2), for 32x32 colour images: conv 3x3 16, batch norm, ReLU, three
     * stages of three {@link ResidualBlock}s with 16, 32 and 64 channels (stride 2 into the second and third,
     * option-A shortcuts), global average pooling, a linear head; 0.27M parameters for CIFAR-10. The network is
     * fully convolutional up to the pooling, so it takes any channel count and plane: 28x28 grey images run as
     * they are, through planes of 28, 14 and 7 (decision 0506).
     */
    public static Network resnet20(Gemm gemm, Shape input, int classes) {
        List<Layer> ls = new ArrayList<>();
        Conv2d stem = new Conv2d(gemm, "conv1", input, 16, 3, 1, 1, false, Conv2d.Output.PLAIN, Role.INPUT_LAYER);
        ls.add(stem);
        ls.add(new BatchNorm(gemm.threads(), "bn1", stem.outShape(), true));
        Shape s = stem.outShape();
        int[][] stages = {{16, 1}, {32, 2}, {64, 2}};
        for (int st = 0; st < stages.length; st++) {
            for (int b = 0; b < 3; b++) {
                ResidualBlock block = new ResidualBlock(gemm, "layer" + (st + 1) + "." + b, s, stages[st][0],
                        b == 0 ? stages[st][1] : 1);
                ls.add(block);
                s = block.outShape();
            }
        }
        GlobalAvgPool pool = new GlobalAvgPool(gemm.threads(), s);
        ls.add(pool);
        ls.add(new Dense(gemm, "fc", pool.outShape().size(), classes, Role.OUTPUT_LAYER));
        return new Network("resnet20", input, ls, gemm.threads());
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
