package org.muonscope.engine.data;

/**
 * A training set and its test set(s). {@code spuriousTest} is non-null with the spurious-pixel transform:
 * the test images carrying their own class's pixel ({@code test} is then the clean set).
 */
public record TrainTest(String source, Dataset train, Dataset test, Dataset spuriousTest) {
    public TrainTest {
        if (!train.shape().equals(test.shape()) || train.classes() != test.classes()) {
            throw new IllegalArgumentException(source + ": train and test differ in shape or classes");
        }
    }

    public TrainTest(String source, Dataset train, Dataset test) {
        this(source, train, test, null);
    }
}
