package org.muonscope.engine.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.muonscope.engine.SpecException;

class OptimizerSettingsTest {
    @Test
    void parsesKeysAndKeepsDefaults() {
        MuonSettings s = (MuonSettings) OptimizerSettings.parse("muon:lr=0.02,nesterov=false,ns=7");
        assertEquals(OptimizerKind.MUON, s.kind());
        assertEquals(0.02, s.lr());
        assertEquals(7, s.ns());
        assertFalse(s.nesterov());
        assertEquals(0.95, s.beta(), "muon's default momentum");
        assertEquals(s, OptimizerSettings.parse(s.toText()), "toText round-trips");
    }

    @Test
    void rejectsUnknownNamesKeysAndValuesNamingTheField() {
        assertEquals("optimizer", assertThrows(SpecException.class, () -> OptimizerSettings.parse("sgdx")).field());
        assertEquals("adam.ns", assertThrows(SpecException.class, () -> OptimizerSettings.parse("adam:ns=3")).field());
        assertEquals("gd.lr", assertThrows(SpecException.class, () -> OptimizerSettings.parse("gd:lr=-1")).field());
        assertEquals("gd.lr", assertThrows(SpecException.class, () -> OptimizerSettings.parse("gd:lr=abc")).field());
        assertEquals("muon.beta", assertThrows(SpecException.class, () -> OptimizerSettings.parse("muon:beta=1")).field());
    }
}
