package org.muonscope.app.theorylab;

import org.muonscope.app.common.AnimationModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnimationModelTest {
    private static AnimationModel model(double max) {
        AnimationModel a = new AnimationModel();
        a.maxStepProperty().set(max);
        return a;
    }

    @Test
    void tickAdvancesAtTheBaseRateTimesSpeed() {
        AnimationModel a = model(800);
        a.togglePlay();
        a.tick(1.0);
        assertEquals(800 / AnimationModel.BASE_SECONDS, a.cursor(), 1e-9);
        a.speedProperty().set(2);
        a.tick(0.5);
        assertEquals(2 * 800 / AnimationModel.BASE_SECONDS, a.cursor(), 1e-9);
    }

    @Test
    void stopsAtTheEndOrWrapsWhenLooping() {
        AnimationModel a = model(100);
        a.togglePlay();
        a.tick(100);
        assertEquals(100, a.cursor());
        assertFalse(a.playingProperty().get());
        a.loopProperty().set(true);
        a.togglePlay(); // at the end: play starts over
        assertEquals(0, a.cursor());
        a.tick(AnimationModel.BASE_SECONDS * 1.25);
        assertTrue(a.playingProperty().get());
        assertEquals(25, a.cursor(), 1e-9);
    }

    @Test
    void singleStepsMoveOnTheSnapshotGridAndPause() {
        AnimationModel a = model(100);
        a.scrubTo(42.3);
        a.playingProperty().set(true);
        a.stepBy(1, 10);
        assertFalse(a.playingProperty().get());
        assertEquals(50, a.cursor(), 1e-9);
        a.stepBy(-1, 10);
        assertEquals(40, a.cursor(), 1e-9);
        a.stepBy(-100, 10);
        assertEquals(0, a.cursor(), "clamped at 0");
    }

    @Test
    void restartRewindsAndPlays() {
        AnimationModel a = model(100);
        a.scrubTo(70);
        a.restart();
        assertEquals(0, a.cursor());
        assertTrue(a.playingProperty().get());
    }
}
