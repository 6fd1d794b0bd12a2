package org.muonscope.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.SpecException;
import org.muonscope.engine.io.SpecCodec;
import org.muonscope.engine.spec.CnnSpec;
import org.muonscope.engine.spec.ExperimentKind;
import org.muonscope.engine.spec.TheorySpec;

/** Expanding a sweep: order, names, values parsed to the field's type, and every way a grid is refused. */
class GridTest {
    private static final TheorySpec BASE = TheorySpec.defaults().withSteps(20, 10);

    private static SweepSpec sweep(long a, long b, String... vary) {
        return new SweepSpec(BASE, java.util.Arrays.stream(vary).map(v -> SweepCodec.axis(ExperimentKind.THEORY, v)).toList(), a, b);
    }

    @Test
    void cellsComeInGridOrderWithReadableStableNames() {
        List<Cell> cells = Grid.cells(sweep(1, 2, "optimizer=gd:lr=0.1,beta=0.5,muon:lr=0.02", "mu=2,3.5"));
        assertEquals(8, cells.size());
        assertEquals("optimizer=gd:lr=0.1,beta=0.5-mu=2-seed=1", cells.get(0).id());
        assertEquals("optimizer=gd:lr=0.1,beta=0.5-mu=2-seed=2", cells.get(1).id(), "seeds innermost");
        assertEquals("optimizer=muon:lr=0.02-mu=3.5-seed=2", cells.get(7).id());
        TheorySpec last = (TheorySpec) cells.get(7).spec();
        assertEquals(3.5, last.mu());
        assertEquals(2, last.seed());
        assertEquals(List.of("muon:lr=0.02"), last.optimizers().stream().map(o -> o.toText()).toList());
        assertEquals(BASE.steps(), last.steps(), "the rest is the base's");
        assertEquals(List.of("muon:lr=0.02", "3.5"), cells.get(7).values());
    }

    @Test
    void listFieldsTakeSemicolonsBetweenValues() {
        List<Cell> cells = Grid.cells(sweep(1, 1, "priors=0.5,0.5,0.5;0.7,0.2,0.1"));
        assertEquals(2, cells.size());
        assertEquals("priors=0.5,0.5,0.5-seed=1", cells.get(0).id());
    }

    @Test
    void aSweepFileReadsBackToTheSameCells() {
        SweepSpec s = sweep(3, 4, "optimizer=sgd:lr=0.05,beta=0.9,adam", "rotated=true,false", "mode=population,sample:500");
        SweepSpec back = SweepCodec.parse(SweepCodec.toJson(s));
        List<Cell> a = Grid.cells(s), b = Grid.cells(back);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).id(), b.get(i).id());
            assertEquals(SpecCodec.toJson(a.get(i).spec()), SpecCodec.toJson(b.get(i).spec()));
        }
    }

    @Test
    void oneBadCellRefusesTheSweepNamingTheCellAndTheField() {
        SpecException e = assertThrows(SpecException.class, () -> Grid.cells(sweep(1, 1, "depth=1,3")));
        assertEquals("cell depth=3-seed=1: init: a deep model needs a positive init scale (0 is a saddle)", e.getMessage());
        e = assertThrows(SpecException.class, () -> Grid.cells(sweep(1, 1, "overlap=0.2,1.5")));
        assertTrue(e.getMessage().startsWith("cell overlap=1.5-seed=1: overlap: must be in [0, 1)"), e.getMessage());
    }

    @Test
    void badKeysValuesAndEmptyGridsAreRefused() {
        SpecException e = assertThrows(SpecException.class, () -> SweepCodec.axis(ExperimentKind.THEORY, "lr=0.1,0.2"));
        assertTrue(e.getMessage().startsWith("vary: unknown key 'lr' for a theory sweep (known: priors mu sigma"), e.getMessage());
        e = assertThrows(SpecException.class, () -> SweepCodec.axis(ExperimentKind.THEORY, "steps=10,many"));
        assertEquals("steps: expected an integer, got 'many'", e.getMessage());
        e = assertThrows(SpecException.class, () -> SweepCodec.axis(ExperimentKind.THEORY, "seed=1,2"));
        assertEquals("vary: seeds are not a --vary key: give --seeds A-B", e.getMessage());
        e = assertThrows(SpecException.class, () -> SweepCodec.axis(ExperimentKind.THEORY, "mu="));
        assertTrue(e.getMessage().startsWith("mu: an empty value"), e.getMessage());
        e = assertThrows(SpecException.class, () -> SweepCodec.axis(ExperimentKind.THEORY, "optimizer=muon:lr=0.1,bogus=2"));
        assertTrue(e.getMessage().startsWith("muon.bogus"), e.getMessage());
        e = assertThrows(SpecException.class, () -> sweep(1, 1));
        assertEquals("vary: the grid is empty: give --vary KEY=V1,V2,... or --seeds A-B", e.getMessage());
        e = assertThrows(SpecException.class, () -> sweep(1, 1, "mu=2,2"));
        assertTrue(e.getMessage().startsWith("mu: a value is given twice"), e.getMessage());
        e = assertThrows(SpecException.class, () -> SweepCodec.seeds("5-2"));
        assertEquals("seeds: expected A-B with 0 <= A <= B, got '5-2'", e.getMessage());
    }

    @Test
    void cnnKeysAreTheCnnSpecsFieldsAndNoneIsTheNaNOfColored() {
        SweepSpec s = new SweepSpec(CnnSpec.defaults(), List.of(SweepCodec.axis(ExperimentKind.CNN, "colored=none,0.9"),
                SweepCodec.axis(ExperimentKind.CNN, "imbalance=none,step:5")), 1, 1);
        List<Cell> cells = Grid.cells(s);
        assertEquals("colored=none-imbalance=step:5-seed=1", cells.get(1).id());
        assertTrue(Double.isNaN(((CnnSpec) cells.get(1).spec()).colored()));
        assertEquals("step:5", ((CnnSpec) cells.get(1).spec()).imbalance());
        assertEquals("data/path", Grid.text("data", com.fasterxml.jackson.databind.node.TextNode.valueOf("data/path")));
        assertEquals("a_b-seed=1", Grid.folderName("a/b-seed=1"));
    }
}
