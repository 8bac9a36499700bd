package io.github.mfaeval.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures one of our pages as a person at a given screen size sees it. Headless Chromium will not make a window
 * narrower than 500 px, and our pages' Content-Security-Policy runs no script but their own; so a test page
 * (no policy) loads ours in a frame of the wanted size and writes what it measures there into its own body's
 * attributes, for {@code --dump-dom} to read back: the time until the frame's load event, the document's scroll
 * and client widths, the tables that scroll sideways inside their box, the frame's height, the bottom of the first element matching a selector, and, when asked to
 * click a link, where that link led (the page's tenant name).
 */
final class FramedPage {
    /** What was measured: load time (ms), widths, height, first element's bottom, the link followed and where it led. */
    record Measure(int loadMs, int scrollWidth, int clientWidth, int innerHeight, int firstBottom, String link, String landed,
                   String pageReady, String wideTables, int whatToDoWidth, int tallestFindingRow, String widest) {
        boolean scrollsSideways() {
            return scrollWidth > clientWidth;
        }
    }

    private FramedPage() {
    }

    /** Writes the measuring page next to {@code page} (so the frame's address is relative) and returns it. */
    static Path write(Path page, int width, int height, String firstSelector, String clickSelector) throws IOException {
        return write(page, width, height, firstSelector, clickSelector, false);
    }

    /**
     * As above; {@code openDetails}: every folded part (an action's findings, a user's rules) is opened first, as a
     * reader clicking through would, so what is folded is measured too. Also measured: the findings table's "What to
     * do" column width, its tallest row among the first 50, and the element reaching furthest right.
     */
    static Path write(Path page, int width, int height, String firstSelector, String clickSelector, boolean openDetails) throws IOException {
        Path frame = page.resolveSibling("frame-" + width + (openDetails ? "-open-" : "-") + page.getFileName());
        String script = "var f=document.getElementById('f'),b=document.body,t0=performance.now(),clicked=false;"
                + "f.onload=function(){var d=f.contentDocument,r=d.documentElement;"
                + (openDetails ? "d.querySelectorAll('details').forEach(function(x){x.open=true});" : "")
                + "var th=d.querySelector('#findings-table thead th:nth-child(4)');"
                + "if(th)b.setAttribute('data-what-to-do-width',Math.round(th.getBoundingClientRect().width));"
                + "var tall=0;d.querySelectorAll('#findings-table tbody tr').forEach(function(t,i){if(i<50)tall=Math.max(tall,t.getBoundingClientRect().height);});"
                + "b.setAttribute('data-tallest-finding-row',Math.round(tall));"
                + "var far=0,farName='';d.querySelectorAll('body *').forEach(function(e){var x=e.getBoundingClientRect().right;"
                + "if(x>far&&!e.closest('.table-wrap')&&!e.closest('.charts')){far=x;farName=e.tagName+' '+(e.textContent||'').slice(0,60);}});"
                + "b.setAttribute('data-widest',Math.round(far)+' '+farName.replace(/\\s+/g,' '));"
                + "if(!clicked){b.setAttribute('data-load-ms',Math.round(performance.now()-t0));"
                + "b.setAttribute('data-scroll-width',r.scrollWidth);b.setAttribute('data-client-width',r.clientWidth);"
                + "b.setAttribute('data-inner-height',f.contentWindow.innerHeight);"
                + "b.setAttribute('data-page-ready',d.body.getAttribute('data-ready')||'');"
                + "var wide=[];d.querySelectorAll('.table-wrap table').forEach(function(t){var w=t.parentElement;"
                + "if(w.scrollWidth>w.clientWidth+1)wide.push(t.id);});b.setAttribute('data-wide-tables',wide.join(' '));"
                + "var first=d.querySelector(" + js(firstSelector) + ");"
                + "if(first)b.setAttribute('data-first-bottom',Math.ceil(first.getBoundingClientRect().bottom));"
                + "var link=" + (clickSelector == null ? "null" : "d.querySelector(" + js(clickSelector) + ")") + ";"
                + "if(link){clicked=true;b.setAttribute('data-link',link.getAttribute('href'));link.click();return;}}"
                + "else{var h=d.getElementById('tenant-name');b.setAttribute('data-landed',h?h.textContent:'(no tenant page) '+d.location.href);}"
                + "b.setAttribute('data-done','1');};"
                + "f.src=" + js(page.getFileName().toString().replace("%", "%25").replace("#", "%23").replace("?", "%3F")) + ";";
        Files.writeString(frame, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>body{margin:0}iframe{border:0;display:block}"
                + "</style></head><body><iframe id=\"f\" width=\"" + width + "\" height=\"" + height + "\"></iframe><script>" + script
                + "</script></body></html>\n", StandardCharsets.UTF_8);
        return frame;
    }

    static Measure read(String dom) {
        Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
        if (!body.find()) throw new IllegalStateException("no body in " + dom);
        Map<String, String> a = new HashMap<>();
        Matcher attr = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"").matcher(body.group(1));
        while (attr.find()) a.put(attr.group(1), attr.group(2).replace("&amp;", "&"));
        if (!"1".equals(a.get("done"))) throw new IllegalStateException("the framed page did not finish: " + body.group());
        return new Measure(num(a, "load-ms"), num(a, "scroll-width"), num(a, "client-width"), num(a, "inner-height"),
                num(a, "first-bottom"), a.get("link"), a.get("landed"), a.get("page-ready"), a.getOrDefault("wide-tables", ""),
                num(a, "what-to-do-width"), num(a, "tallest-finding-row"), a.getOrDefault("widest", ""));
    }

    private static int num(Map<String, String> a, String key) {
        String v = a.get(key);
        return v == null || v.isEmpty() ? -1 : Integer.parseInt(v);
    }

    private static String js(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
