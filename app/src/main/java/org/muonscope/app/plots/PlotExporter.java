package org.muonscope.app.plots;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.jfree.chart.JFreeChart;
import org.muonscope.app.common.figure.ReadableTicks;
import org.muonscope.app.common.figure.Zoom;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes a JFreeChart as PNG (any scale), SVG (Batik's generator on a plain JDK DOM, serialized without a
 * DOCTYPE so no reader ever fetches the W3C DTD) or PDF (vector, via pdfbox-graphics2d with the standard
 * PDF fonts, so nothing font-licensed is embedded). Every file is written to a temporary sibling first and
 * moved into place, so a reader never sees half a figure.
 */
public final class PlotExporter {
    public enum Format {
        PNG, PNG2X, SVG, PDF;

        public String extension() {
            return this == PNG2X ? "@2x.png" : "." + name().toLowerCase(Locale.ROOT);
        }

        public static Format parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "png" -> PNG;
                case "png2x", "png@2x" -> PNG2X;
                case "svg" -> SVG;
                case "pdf" -> PDF;
                default -> throw new IllegalArgumentException("format must be png, png2x, svg or pdf, got '" + text + "'");
            };
        }
    }

    /**
     * PDFBox logs a warning for every standard-14 font it measures with a substitute; the substitute is only
     * used for metrics (the PDF names Helvetica), so the warning is noise. Held strongly so the level sticks.
     */
    private static final java.util.logging.Logger PDFBOX_FONTS = java.util.logging.Logger.getLogger("org.apache.pdfbox.pdmodel.font");

    static {
        PDFBOX_FONTS.setLevel(java.util.logging.Level.SEVERE);
    }

    private PlotExporter() { }

    public static void write(JFreeChart chart, Format format, int width, int height, Path out) throws IOException {
        write(chart, Zoom.WHOLE, format, width, height, out);
    }

    /**
     * Writes the chart showing {@code zoom} (a figure host's zoom: "as shown"; {@link Zoom#WHOLE}: the whole figure).
     * The chart's axes are put back afterwards.
     */
    public static void write(JFreeChart chart, Zoom zoom, Format format, int width, int height, Path out) throws IOException {
        Zoom.Applied applied = zoom.applyTo(chart);
        byte[] bytes;
        try {
            bytes = bytes(chart, format, width, height);
        } finally {
            applied.restore();
        }
        writeAtomically(out, bytes);
    }

    private static byte[] bytes(JFreeChart chart, Format format, int width, int height) throws IOException {
        return switch (format) {
            case PNG -> png(chart, width, height, 1);
            case PNG2X -> png(chart, width, height, 2);
            case SVG -> svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(chart, width, height);
        };
    }

    /** A raster of the chart showing {@code zoom}; the chart's axes are put back afterwards. */
    public static BufferedImage image(JFreeChart chart, Zoom zoom, int width, int height, double scale) {
        Zoom.Applied applied = zoom.applyTo(chart);
        try {
            return image(chart, width, height, scale);
        } finally {
            applied.restore();
        }
    }

    /** A raster of the chart laid out at {@code width x height} points and drawn at {@code scale} pixels per point. */
    public static BufferedImage image(JFreeChart chart, int width, int height, double scale) {
        BufferedImage img = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(scale, scale);
            ReadableTicks.apply(chart, width, height);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    public static byte[] png(JFreeChart chart, int width, int height, double scale) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image(chart, width, height, scale), "png", bytes);
        return bytes.toByteArray();
    }

    public static String svg(JFreeChart chart, int width, int height) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().newDocument();
            SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
            ctx.setComment("Generated by Muonscope");
            ctx.setEmbeddedFontsOn(false);
            SVGGraphics2D g = new SVGGraphics2D(ctx, false);
            g.setSVGCanvasSize(new Dimension(width, height));
            ReadableTicks.apply(chart, width, height);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            Element root = g.getRoot();
            root.setAttributeNS(null, "viewBox", "0 0 " + width + " " + height);
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                t.transform(new DOMSource(root), new StreamResult(w));
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("SVG export failed: " + e.getMessage(), e);
        }
    }

    public static byte[] pdf(JFreeChart chart, int width, int height) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(new PDRectangle(width, height));
            doc.addPage(page);
            PdfBoxGraphics2D g = pdfGraphics(doc, width, height);
            try {
                ReadableTicks.apply(chart, width, height);
                chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            } finally {
                g.dispose();
            }
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g.getXFormObject());
            }
            doc.getDocumentInformation().setCreator("Muonscope");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A vector canvas of one PDF page that writes text in the standard PDF fonts. */
    public static PdfBoxGraphics2D pdfGraphics(PDDocument doc, float width, float height) throws IOException {
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
        g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
        return g;
    }

    public static void writeAtomically(Path out, byte[] bytes) throws IOException {
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + out.getFileName(), ".tmp");
        try {
            // temp files are created owner-only; an exported figure should be as readable as any other file
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeAtomically(Path out, String text) throws IOException {
        writeAtomically(out, text.getBytes(StandardCharsets.UTF_8));
    }
}
