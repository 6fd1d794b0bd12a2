package org.muonscope.engine.optim;

/**
 * What a parameter is to the network. Muon orthogonalizes only hidden {@link #MATRIX} parameters; by the
 * reference convention the others go to its Adam fallback.
 */
public enum Role {
    /** A hidden weight matrix (or a conv kernel seen as {@code out x (in*kh*kw)}). */
    MATRIX,
    /** A bias or any other vector-like parameter. */
    VECTOR,
    /** The first layer (the input embedding / first conv). */
    INPUT_LAYER,
    /** The last layer (the classifier head). */
    OUTPUT_LAYER
}
