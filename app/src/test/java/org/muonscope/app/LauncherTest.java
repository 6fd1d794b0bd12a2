package org.muonscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.muonscope.engine.linalg.Gemm;

class LauncherTest {
    @Test
    void withoutTheVectorApiOneLineSaysSoAndHowToFixIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Launcher.warnWithoutVectorApi(false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.contains("--add-modules jdk.incubator.vector"), text);
        bytes.reset();
        Launcher.warnWithoutVectorApi(true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("", bytes.toString(StandardCharsets.UTF_8), "silent when it is on");
        assertTrue(Gemm.vectorAvailable(), "the build runs the tests with the module");
    }
}
