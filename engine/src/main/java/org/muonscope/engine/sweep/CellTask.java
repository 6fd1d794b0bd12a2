package org.muonscope.engine.sweep;

import java.io.Serializable;

/**
 * What a runner hands to whoever runs one cell, in a form any node can take: the cell's folder name and its spec as
 * {@code spec.json} text. Every runner runs a cell from this text ({@link Cells#execute}), so a cell's numbers do
 * not depend on which runner, node or process ran it.
 *
 * @param command what started the sweep (each cell's provenance records it)
 */
public record CellTask(String id, String specJson, String command) implements Serializable {
    private static final long serialVersionUID = 1L;
}
