import { describe, expect, it } from "vitest";
import { parseHtmlDocument } from "./html-document";
import { convertNodeToText } from "./html-to-text";

const textOf = (html: string, isSkippingPageChrome = false): string =>
  convertNodeToText(parseHtmlDocument(html).body, { isSkippingPageChrome });

describe("convertNodeToText", () => {
  it("makes one paragraph per block and keeps inline runs together", () => {
    expect(textOf("<div>intro<p>First <em>para</em>graph</p>tail</div><h2>Head</h2><ul><li>one</li><li>two</li></ul>")).toBe(
      "intro\n\nFirst paragraph\n\ntail\n\nHead\n\none\n\ntwo",
    );
  });

  it("collapses whitespace except line breaks from <br> and <pre>", () => {
    expect(textOf("<p>  a \n  b<br>c  </p><pre>x\ny</pre>")).toBe("a b\nc\n\nx\ny");
  });

  it("drops scripts, styles, media, forms and hidden elements", () => {
    const html = `<p>kept</p><script>bad()</script><style>.x{}</style><noscript>ns</noscript>
      <img alt="alt text"><svg><text>svg</text></svg><button>Click</button><select><option>opt</option></select>
      <div style="display: none">hidden1</div><span hidden>hidden2</span><p aria-hidden="true">hidden3</p>`;
    expect(textOf(html)).toBe("kept");
  });

  it("drops navigation chrome only when asked", () => {
    const html = "<nav>Menu</nav><header>Head</header><p>Body</p><aside>Side</aside><footer>Foot</footer>";
    expect(textOf(html)).toBe("Menu\n\nHead\n\nBody\n\nSide\n\nFoot");
    expect(textOf(html, true)).toBe("Body");
  });

  it("decodes entities to characters and normalises to NFC", () => {
    expect(textOf("<p>AT&amp;T &lt;tag&gt; Cafe&#x301;&nbsp;ok</p>")).toBe("AT&T <tag> Café ok");
  });
});
