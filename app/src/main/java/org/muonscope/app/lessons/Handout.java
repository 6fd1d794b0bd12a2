package org.muonscope.app.lessons;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.JFreeChart;
import org.muonscope.app.common.figure.ReadableTicks;
import org.muonscope.app.plots.PlotExporter;
import org.muonscope.engine.run.RunResult;

/**
 * A lesson's handout: one landscape A4 page per scene with its title, its figures as vectors (played to the scene's
 * step) and its caption with the numbers filled in, in the PDF standard fonts (nothing font-licensed embedded).
 */
public final class Handout {
    static final float WIDTH = 842, HEIGHT = 595, MARGIN = 36, GAP = 14;
    private static final Font HEAD = new Font("SansSerif", Font.PLAIN, 10);
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 20);
    private static final Font CAPTION = new Font("SansSerif", Font.PLAIN, 13);

    private Handout() { }

    /**
     * Writes the handout of {@code lesson} with the runs {@code results} gives (0-based scene to its finished run).
     *
     * @throws IllegalStateException when a scene's run is missing
     */
    public static void write(Lesson lesson, IntFunction<RunResult> results, Path out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            int n = lesson.scenes().size();
            for (Lesson.Scene s : lesson.scenes()) {
                RunResult r = results.apply(s.number() - 1);
                if (r == null) throw new IllegalStateException("scene " + s.number() + " has not been run");
                PDPage page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
                doc.addPage(page);
                PdfBoxGraphics2D g = PlotExporter.pdfGraphics(doc, WIDTH, HEIGHT);
                try {
                    page(g, lesson, s, n, r, s.caption(results));
                } finally {
                    g.dispose();
                }
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawForm(g.getXFormObject());
                }
            }
            doc.getDocumentInformation().setCreator("Muonscope");
            doc.getDocumentInformation().setTitle(lesson.title());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            PlotExporter.writeAtomically(out, bytes.toByteArray());
        }
    }

    private static void page(Graphics2D g, Lesson lesson, Lesson.Scene s, int n, RunResult r, String caption) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Float(0, 0, WIDTH, HEIGHT));
        float inner = WIDTH - 2 * MARGIN;
        g.setColor(new Color(0x66, 0x66, 0x66));
        g.setFont(HEAD);
        g.drawString(lesson.title(), MARGIN, MARGIN);
        String counter = "scene " + s.number() + " of " + n;
        g.drawString(counter, WIDTH - MARGIN - width(HEAD, counter), MARGIN);
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(TITLE);
        float y = MARGIN + 28;
        g.drawString(s.title(), MARGIN, y);
        List<String> lines = wrap(caption, CAPTION, inner);
        float lineHeight = 17;
        float captionTop = HEIGHT - MARGIN - lines.size() * lineHeight;
        float figTop = y + 12, figHeight = captionTop - GAP - figTop;
        int k = s.views().size();
        float figWidth = (inner - (k - 1) * GAP) / k;
        for (int v = 0; v < k; v++) {
            JFreeChart chart = LessonFigures.chart(s.views().get(v), r, s.play(), s.highlight(), false);
            ReadableTicks.apply(chart, figWidth, figHeight);
            chart.draw(g, new Rectangle2D.Float(MARGIN + v * (figWidth + GAP), figTop, figWidth, figHeight));
        }
        g.setColor(new Color(0x22, 0x22, 0x22));
        g.setFont(CAPTION);
        for (int i = 0; i < lines.size(); i++) g.drawString(lines.get(i), MARGIN, captionTop + (i + 0.8f) * lineHeight);
    }

    /** Greedy word wrap to {@code width} points, measured with the font's metrics. */
    static List<String> wrap(String text, Font font, float width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : para.split(" +")) {
                String next = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && width(font, next) > width) {
                    out.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(next);
                }
            }
            out.add(line.toString());
        }
        return out;
    }

    private static final Graphics2D MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();

    private static synchronized float width(Font font, String s) {
        FontMetrics m = MEASURE.getFontMetrics(font);
        return (float) m.getStringBounds(s, MEASURE).getWidth();
    }
}
