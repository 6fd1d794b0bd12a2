package org.muonscope.app.support;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A parser that refuses DOCTYPEs and external entities: parsing an export can never fetch anything. */
public final class SafeXml {
    private SafeXml() { }

    public static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The numbers among an SVG's texts (its tick labels), thousands separators dropped. */
    public static List<Double> ticks(Path svg) throws Exception {
        NodeList texts = parse(Files.readAllBytes(svg)).getElementsByTagNameNS("*", "text");
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            try {
                out.add(Double.parseDouble(texts.item(i).getTextContent().trim().replace(",", "")));
            } catch (NumberFormatException notATick) {
                // a title, a legend or an axis label
            }
        }
        return out;
    }
}
