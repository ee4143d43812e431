using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ContactHub.Channels.Email.Html;

namespace ContactHub.Channels.Tests.Email;

public sealed class HtmlSanitizerTests
{
    private const string HubImage = "https://hub.example.test/api/attachments/42/logo.png";

    private static readonly EmailHtmlSanitizer Sanitizer = new();

    /// <summary>
    /// Vectors in the style of the OWASP XSS filter evasion cheat sheet, plus published mutation-XSS and
    /// namespace-confusion payloads. Each must come out with no script-capable construct at all.
    /// </summary>
    public static TheoryData<string> XssVectors => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
        "<ScRiPt>alert(1)</sCrIpT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=x ONERROR=alert(1)>",
        "<img src=\"https://ok.example/a.png\" onload=\"alert(1)\">",
        "<img/src=x/onerror=alert(1)>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">",
        "<svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text y=\"20\">x</text></a></svg>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math><mtext><table><mglyph><style><!--</style><img title=\"--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;\">",
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        "<math><mi><mglyph><svg><mtext><textarea><path id=\"</textarea><img onerror=alert(1) src=1>\"></path></textarea>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"jav&#x61;script:alert(1)\">click</a>",
        "<a href=\"java&#x09;script:alert(1)\">click</a>",
        "<a href=\"java&#x0A;script:alert(1)\">click</a>",
        "<a href=\"java&#x0D;script:alert(1)\">click</a>",
        "<a href=\"java\tscript:alert(1)\">click</a>",
        "<a href=\" &#14; javascript:alert(1)\">click</a>",
        "<a href=\"&#1;javascript:alert(1)\">click</a>",
        "<a href=\"   javascript:alert(1)\">click</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
        "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">click</a>",
        "<a href=\"javascript&colon;alert(1)\">click</a>",
        "<a href=\"vbscript:msgbox(1)\">click</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
        "<a href=javascript:alert(1)>unquoted</a>",
        "<a href=\"java\0script:alert(1)\">null byte</a>",
        "<a href=\"//evil.example/\">protocol-relative</a>",
        "<a href=\"https://ok.example/\" onclick=\"alert(1)\" onmouseover=alert(1)>handlers</a>",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
        "<img src=\"javascript:alert(1)\">",
        "<img dynsrc=\"javascript:alert(1)\" lowsrc=\"javascript:alert(1)\">",
        "<img srcset=\"javascript:alert(1) 1x\">",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<object type=\"text/x-scriptlet\" data=\"https://xss.example/scriptlet.html\"></object>",
        "<embed src=\"https://xss.example/xss.swf\" allowscriptaccess=always>",
        "<applet code=\"Evil.class\"></applet>",
        "<form action=\"javascript:alert(1)\"><input type=submit></form>",
        "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<select onfocus=alert(1) autofocus><option>x</option></select>",
        "<textarea onfocus=alert(1) autofocus>x</textarea>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<body onload=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\"><a href=\"x\">relative</a>",
        "<link rel=stylesheet href=\"https://xss.example/xss.css\">",
        "<style>@import 'https://xss.example/xss.css';</style>",
        "<style>body{background:url(\"javascript:alert(1)\")}</style>",
        "<div style=\"width: expression(alert(1));\">x</div>",
        "<div style=\"background-image: url(javascript:alert(1))\">x</div>",
        "<div style=\"background: url(https://tracker.example/pixel.gif)\">x</div>",
        "<div style=\"color: red; background:url('javascript:alert(1)')\">x</div>",
        "<div style=\"behavior: url(xss.htc);\">x</div>",
        "<div style=\"-moz-binding: url(https://xss.example/xss.xml#xss)\">x</div>",
        "<div style=\"width: exp/**/ression(alert(1))\">x</div>",
        "<div style=\"width: \\65 xpression(alert(1))\">x</div>",
        "<div style=\"color: \\72 ed; background: u\\72l(x)\">x</div>",
        "<div style=\"xss:expr/*XSS*/ession(alert(1))\">x</div>",
        "<div style=\"color: red;}</style><script>alert(1)</script>\">x</div>",
        "<table background=\"javascript:alert(1)\"><tr><td background=\"https://tracker.example/bg.gif\">x</td></tr></table>",
        "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
        "<!--[if IE]><img src=x onerror=alert(1)><![endif]-->",
        "<!-- --!><img src=x onerror=alert(1)> -->",
        "<![CDATA[<img src=x onerror=alert(1)>]]>",
        "<?xml version=\"1.0\"?><img src=x onerror=alert(1)>",
        "<div><p><b><i><a href=\"javascript:alert(1)\"><img src=x onerror=alert(1)",
        "<<script>alert(1);//<</script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img \"\"\"><script>alert(1)</script>\">",
        "<img src=`x` onerror=alert(1)>",
        "<div/onmouseover='alert(1)'>x</div>",
        "<a onmouseover=alert(1)//>x</a>",
        "<p \0onclick=alert(1)>null in name</p>",
        "<scr\0ipt>alert(1)</scr\0ipt>",
        "<template><img src=x onerror=alert(1)></template>",
        "<xmp><img src=x onerror=alert(1)></xmp>",
        "<plaintext><img src=x onerror=alert(1)>",
        "<title><img src=x onerror=alert(1)></title>",
        "<noembed><img src=x onerror=alert(1)></noembed>",
        "<noframes><img src=x onerror=alert(1)></noframes>",
        "<isindex action=\"javascript:alert(1)\" type=image>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<font face=\"x\" color=\"red\" onmouseover=\"alert(1)\">font</font>",
        "<a href=\"https://ok.example/\" style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</a>",
        "<div id=\"x\" class=\"y\" name=\"z\" data-x=\"javascript:alert(1)\">attrs</div>",
        "<div style=\"width: \uFF45\uFF58\uFF50\uFF52\uFF45\uFF53\uFF53\uFF49\uFF4F\uFF4E(alert(1))\">fullwidth</div>",
        "<p title=\"</p><img src=x onerror=alert(1)>\">attribute that looks like markup</p>",
        "<a href=\"https://ok.example/\"><a href=\"javascript:alert(1)\">nested</a></a>",
        "<table><tr><td><style>td{}</style><script>alert(1)</script></td></tr></table><table><caption><svg onload=alert(1)>",
        "<img src=\"cid:unknown@part\" onerror=alert(1)>",
        "<a href=\"cid:part@x\">cid link</a>",
    };

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void XssVectorLeavesNoScriptCapableConstruct(string vector)
    {
        SanitizedOutput.AssertSafe(Sanitizer.Sanitize(vector, SanitizeOptions.Default));
        SanitizedOutput.AssertSafe(Sanitizer.Sanitize(vector, new SanitizeOptions { AllowRemoteImages = true, ResolveContentId = _ => HubImage }));
    }

    [Theory]
    [MemberData(nameof(XssVectors))]
    public void SanitisingTwiceChangesNothing(string vector)
    {
        // A fixed point means the browser's re-parse of the output sees the tree the sanitiser built. Whitespace
        // before the first content is dropped by document parsing and does not render, so it is not compared.
        var once = Sanitizer.Sanitize(vector, SanitizeOptions.Default).Html;
        Assert.Equal(once.TrimStart(), Sanitizer.Sanitize(once, SanitizeOptions.Default).Html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JAVASCRIPT:alert(1)")]
    [InlineData(" \u0001javascript:alert(1)")]
    [InlineData("java\u200Bscript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("#fragment")]
    [InlineData("ftp://files.example/")]
    public void LinkWithDisallowedSchemeIsUnwrappedToItsText(string href)
    {
        var result = Sanitizer.Sanitize($"<a href=\"{href}\">Click</a>", SanitizeOptions.Default);

        Assert.Equal("Click", result.Html);
        Assert.Equal(1, result.Removed.UrlsRemoved);
    }

    [Theory]
    [InlineData("https://shop.example/sale?a=1&b=2", "https://shop.example/sale?a=1&amp;b=2")]
    [InlineData("  HTTP://Shop.Example/x  ", "http://shop.example/x")]
    [InlineData("mailto:help@shop.example", "mailto:help@shop.example")]
    public void AllowedLinkIsCanonicalisedAndOpensInANewContextWithoutOpenerOrReferrer(string href, string expected)
    {
        var result = Sanitizer.Sanitize($"<a href=\"{href}\">Shop</a>", SanitizeOptions.Default);

        Assert.Equal($"<a href=\"{expected}\" target=\"_blank\" rel=\"noopener noreferrer nofollow\">Shop</a>", result.Html);
    }

    [Fact]
    public void NewsletterKeepsTextTablesLinksAndAllowedStyles()
    {
        const string newsletter = """
            <!DOCTYPE html>
            <html><head><title>Spring sale</title><style>.hero{color:red}</style></head>
            <body bgcolor="#ffffff">
            <!-- preheader -->
            <table width="600" cellpadding="0" cellspacing="0" border="0" align="center" bgcolor="#f4f4f4" class="wrapper">
              <tr>
                <td align="center" valign="top" style="padding: 20px 10px; background-color: #333; color: #ffffff; font-family: Arial, Helvetica, sans-serif; position: absolute">
                  <h1 style="font-size: 24px; font-weight: bold; margin: 0">Spring Sale</h1>
                  <p style="text-align: left; line-height: 1.5">Up to <strong>50%</strong> off <em>everything</em>.</p>
                  <a href="https://shop.example/sale" style="color: #ff6600; text-decoration: underline">Shop now</a>
                  <img src="cid:logo@shop.example" alt="Shop logo" width="120" height="40" style="border: 0">
                </td>
              </tr>
            </table>
            <p><font color="#999999" size="2" face="Verdana">Unsubscribe</font></p>
            </body></html>
            """;

        var result = Sanitizer.Sanitize(newsletter, new SanitizeOptions { ResolveContentId = id => id == "logo@shop.example" ? HubImage : null });

        SanitizedOutput.AssertSafe(result);
        var body = new HtmlParser().ParseDocument($"<!DOCTYPE html><body>{result.Html}").Body!;
        Assert.Contains("Up to 50% off everything.", body.TextContent);
        Assert.DoesNotContain("Spring sale</title>", result.Html);
        var table = Assert.Single(body.QuerySelectorAll("table"));
        Assert.Equal("600", table.GetAttribute("width"));
        Assert.Equal("#f4f4f4", table.GetAttribute("bgcolor"));
        Assert.Null(table.GetAttribute("class"));
        var cell = body.QuerySelector("td")!;
        Assert.Equal("padding: 20px 10px; background-color: #333; color: #ffffff; font-family: Arial, Helvetica, sans-serif", cell.GetAttribute("style"));
        var link = body.QuerySelector("a")!;
        Assert.Equal("https://shop.example/sale", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
        Assert.Equal("color: #ff6600; text-decoration: underline", link.GetAttribute("style"));
        Assert.Equal(HubImage, body.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("color: #999999; font-size: small", body.QuerySelector("p > span")!.GetAttribute("style"));
        Assert.False(result.RemoteContentBlocked);
        Assert.Equal(1, result.Removed.StyleDeclarationsRemoved);
        Assert.Equal(1, result.Removed.CommentsRemoved);
    }

    [Fact]
    public void InlineImageResolvesThroughTheHubAndItsOriginEntersTheCsp()
    {
        string? asked = null;
        var result = Sanitizer.Sanitize(
            "<img src=\"cid:part1.ABC%40mail.example\" alt=\"chart\">",
            new SanitizeOptions { ResolveContentId = id => { asked = id; return HubImage; } });

        Assert.Equal("part1.ABC@mail.example", asked);
        Assert.Equal($"<img alt=\"chart\" src=\"{HubImage}\">", result.Html);
        Assert.Equal(["https://hub.example.test"], result.InlineImageOrigins);
        Assert.Contains("img-src https://hub.example.test;", SanitizedHtmlDocument.ContentSecurityPolicy(result));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/api/attachments/42")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:image/png;base64,iVBORw0KGgo=")]
    public void InlineImageTheHubCannotServeAsAnAbsoluteWebUrlIsRemoved(string? resolved)
    {
        var result = Sanitizer.Sanitize("<p>a<img src=\"cid:x@y\">b</p>", new SanitizeOptions { ResolveContentId = _ => resolved });

        Assert.Equal("<p>ab</p>", result.Html);
        Assert.Equal(1, result.Removed.UrlsRemoved);
        Assert.Empty(result.InlineImageOrigins);
    }

    [Fact]
    public void RemoteImageIsBlockedByDefaultAndReported()
    {
        var result = Sanitizer.Sanitize(
            "<p>Hi<img src=\"https://tracker.example/open.gif?u=42\" width=\"1\" height=\"1\" alt=\"\"></p>",
            SanitizeOptions.Default);

        Assert.Equal("<p>Hi<img width=\"1\" height=\"1\" alt=\"\"></p>", result.Html);
        Assert.True(result.RemoteContentBlocked);
        Assert.Equal(1, result.Removed.RemoteImagesBlocked);
        Assert.DoesNotContain("tracker.example", result.Html);
        Assert.Contains("img-src 'none';", SanitizedHtmlDocument.ContentSecurityPolicy(result));
    }

    [Fact]
    public void RemoteImageLoadsOnceTheAgentAllowsIt()
    {
        var result = Sanitizer.Sanitize(
            "<img src=\"https://cdn.example/banner.png\" alt=\"Banner\">",
            new SanitizeOptions { AllowRemoteImages = true });

        Assert.Equal("<img alt=\"Banner\" src=\"https://cdn.example/banner.png\">", result.Html);
        Assert.False(result.RemoteContentBlocked);
        Assert.Contains("img-src https: http:;", SanitizedHtmlDocument.ContentSecurityPolicy(result));
    }

    [Theory]
    [InlineData("color: red", "color: red")]
    [InlineData("COLOR: Red !important", "color: Red")]
    [InlineData("color: rgb(255, 0, 0); font-weight: 700", "color: rgb(255, 0, 0); font-weight: 700")]
    [InlineData("margin: 0 auto; padding: 1em 2%", "margin: 0 auto; padding: 1em 2%")]
    [InlineData("border: 1px solid #ccc; border-collapse: collapse", "border: 1px solid #ccc; border-collapse: collapse")]
    [InlineData("width: 100px; height: 50%", "width: 100px; height: 50%")]
    [InlineData("width: calc(100% - 10px)", "")]
    [InlineData("margin-top: -200px", "")]
    [InlineData("position: fixed; z-index: 9999", "")]
    [InlineData("background: url(https://tracker.example/p.gif)", "")]
    [InlineData("background-image: image-set('x.png' 1x)", "")]
    [InlineData("color: var(--x)", "")]
    [InlineData("font-family: 'Comic Sans MS'", "")]
    [InlineData("color: red; color: expression(alert(1))", "color: red")]
    [InlineData("color: #f00/**/; width: 1px", "width: 1px")]
    [InlineData("color: \\72 ed", "")]
    [InlineData("content: '<script>'", "")]
    public void StyleKeepsOnlyAllowlistedPropertiesWithPlainValues(string style, string expected)
    {
        var result = Sanitizer.Sanitize($"<div style=\"{style}\">x</div>", SanitizeOptions.Default);

        var kept = new HtmlParser().ParseDocument(result.Html).Body!.QuerySelector("div")!.GetAttribute("style");
        Assert.Equal(expected, kept ?? "");
    }

    [Fact]
    public void ScriptAndStyleGoWithTheirContentWhileUnknownTagsKeepTheirText()
    {
        var result = Sanitizer.Sanitize(
            "<section><article>Hello <custom-tag>there</custom-tag></article></section><script>steal()</script><style>p{}</style>",
            SanitizeOptions.Default);

        Assert.Equal("Hello there", result.Html);
        Assert.Equal(2, result.Removed.ElementsRemoved);
        Assert.Equal(3, result.Removed.ElementsUnwrapped);
    }

    [Fact]
    public void EventHandlersAndUnknownAttributesAreCounted()
    {
        var result = Sanitizer.Sanitize("<p onclick=\"x()\" class=\"c\" id=\"i\" title=\"t\">x</p>", SanitizeOptions.Default);

        Assert.Equal("<p title=\"t\">x</p>", result.Html);
        Assert.Equal(3, result.Removed.AttributesRemoved);
    }

    [Fact]
    public void AttributeValuesEscapeAngleBracketsAndQuotes()
    {
        var result = Sanitizer.Sanitize("<p title='\"></p><img src=x onerror=alert(1)>'>x</p>", SanitizeOptions.Default);

        Assert.Equal("<p title=\"&quot;&gt;&lt;/p&gt;&lt;img src=x onerror=alert(1)&gt;\">x</p>", result.Html);
    }

    [Fact]
    public void PreformattedTextKeepsItsLeadingBlankLineThroughAReparse()
    {
        var once = Sanitizer.Sanitize("<pre>\n\nindented\n  code</pre>", SanitizeOptions.Default).Html;

        Assert.Equal("<pre>\n\nindented\n  code</pre>", once);
        Assert.Equal(once, Sanitizer.Sanitize(once, SanitizeOptions.Default).Html);
    }

    [Fact]
    public void FontBecomesASpanWithoutItsFace()
    {
        var result = Sanitizer.Sanitize("<font face=\"Evil Web Font\" color=\"#336699\" size=\"5\">Hi</font>", SanitizeOptions.Default);

        Assert.Equal("<span style=\"color: #336699; font-size: x-large\">Hi</span>", result.Html);
        Assert.Equal(1, result.Removed.AttributesRemoved);
    }

    [Fact]
    public void PathologicalNestingIsFlattenedWithoutLosingText()
    {
        // Deep enough that a recursive walk would overflow a test thread's stack; deeper only slows the parser.
        const int depth = 20_000;
        var html = string.Concat(Enumerable.Repeat("<div>", depth)) + "deep" + string.Concat(Enumerable.Repeat("</div>", depth));

        var result = Sanitizer.Sanitize(html, SanitizeOptions.Default);

        var body = new HtmlParser().ParseDocument(result.Html).Body!;
        Assert.Equal("deep", body.TextContent);
        Assert.True(body.Descendants<IElement>().Count() <= EmailHtmlSanitizer.MaxDepth);
    }

    [Fact]
    public void DocumentWrapperForbidsScriptAndCarriesTheFragmentAsItsBody()
    {
        var result = Sanitizer.Sanitize("<p>Hello</p>", SanitizeOptions.Default);

        var document = new HtmlParser().ParseDocument(SanitizedHtmlDocument.Wrap(result));

        var csp = document.Head!.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content");
        Assert.Equal("default-src 'none'; img-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'", csp);
        Assert.Equal("no-referrer", document.Head.QuerySelector("meta[name='referrer']")!.GetAttribute("content"));
        Assert.Equal("<p>Hello</p>", document.Body!.InnerHtml);
        Assert.StartsWith(csp + "; sandbox allow-popups allow-popups-to-escape-sandbox;", SanitizedHtmlDocument.ContentSecurityPolicyHeader(result));
    }
}
