package dev.bulwark.demo.browser;

import java.util.ArrayList;
import java.util.List;

/**
 * Classic XSS payloads, each wrapped around a script that, if it ever runs, trips all three
 * detectors: a {@code console.log}, three beacons (sendBeacon, an image, fetch) to a loopback
 * server, and an {@code alert}. The script has no spaces or double quotes, so it fits in quoted
 * and unquoted attributes and in {@code javascript:} URLs alike. Every payload starts with a
 * visible {@code payload-<id>} marker, so a test can see that it was rendered at all.
 */
final class XssPayloads {

  /** {@code %1$s} is the script. */
  private static final List<String> TEMPLATES = List.of(
      "<img src=x onerror=\"%1$s\">",
      "<img src=x onerror=%1$s>",
      "<svg onload=\"%1$s\">",
      "<svg><script>%1$s</script></svg>",
      "<script>%1$s</script>",
      "<body onload=\"%1$s\">",
      "<a href=\"javascript:%1$s\">click</a>",
      "<a href=\"jav&#x09;ascript:%1$s\">click</a>",
      "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;%1$s\">click</a>",
      "<a href=\" JaVaScRiPt:%1$s\">click</a>",
      "<a href=\"https://127.0.0.1:1/\" onclick=\"%1$s\">https link with a handler</a>",
      "<noscript><p title=\"</noscript><img src=x onerror=%1$s>\"></noscript>",
      "<noscript><style></noscript><img src=x onerror=\"%1$s\">",
      "<math><mtext><table><mglyph><style><img src=x onerror=\"%1$s\">",
      "<form><math><mtext></form><form><mglyph><style></math><img src=x onerror=\"%1$s\">",
      "<svg></p><style><a id=\"</style><img src=1 onerror=%1$s>\">",
      "<xmp><p title=\"</xmp><img src=x onerror=%1$s>\">",
      "<!--><img src=x onerror=\"%1$s\">-->",
      "<iframe srcdoc=\"<script>%1$s</script>\"></iframe>",
      "<iframe src=\"javascript:%1$s\"></iframe>",
      "<details open ontoggle=\"%1$s\">details</details>",
      "<input autofocus onfocus=\"%1$s\">",
      "<form><button formaction=\"javascript:%1$s\">go</button></form>",
      "<object data=\"javascript:%1$s\"></object>",
      "<embed src=\"javascript:%1$s\">",
      "<video><source onerror=\"%1$s\"></video>",
      "<audio src=x onerror=\"%1$s\"></audio>",
      "<img src=\"https://127.0.0.1:1/x.png\" onerror=\"%1$s\">",
      "<div style=\"background:url(javascript:%1$s)\">styled</div>",
      "<meta http-equiv=\"refresh\" content=\"0;url=javascript:%1$s\">",
      "<base href=\"javascript:%1$s//\">",
      "<svg><a xlink:href=\"javascript:%1$s\"><text x=\"20\" y=\"20\">svg link</text></a></svg>",
      "<svg><animate onbegin=\"%1$s\" attributeName=\"x\" dur=\"1s\"></svg>",
      "<marquee onstart=\"%1$s\">marquee</marquee>",
      "<textarea><img src=x onerror=\"%1$s\"></textarea>",
      "<table><td background=\"javascript:%1$s\">cell</td></table>",
      "<img src=x onerror=\"%1$s\"//");

  /** One payload: its id (the marker) and its markup. */
  record Payload(String id, String html) {}

  private XssPayloads() {}

  /** The script a payload runs if it runs; it names {@code id} everywhere. */
  static String script(String id, String beaconOrigin) {
    String b = beaconOrigin + "/";
    return "console.log('xss-" + id + "');"
        + "navigator.sendBeacon('" + b + "b-" + id + "');"
        + "Object.assign(document.createElement('img'),{src:'" + b + "i-" + id + "'});"
        + "fetch('" + b + "f-" + id + "',{mode:'no-cors'});"
        + "alert('xss-" + id + "')";
  }

  /** Every payload, scripted to report to {@code beaconOrigin}. */
  static List<Payload> all(String beaconOrigin) {
    List<Payload> payloads = new ArrayList<>();
    for (int i = 0; i < TEMPLATES.size(); i++) {
      String id = "p" + (i + 1);
      payloads.add(new Payload(id, "<b>payload-" + id + "</b> "
          + TEMPLATES.get(i).formatted(script(id, beaconOrigin))));
    }
    return payloads;
  }
}
