<?xml version="1.0" encoding="UTF-8"?>
<!--
  Renders /rss.xml as a readable page when someone opens the feed in a browser.
  XSLT 1.0 (the only version browsers run). Self-contained: inline CSS, no
  scripts, fonts or images, so it works under a strict Content-Security-Policy.
  Everything from the feed is written with value-of (text, never markup).
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom dc">

  <xsl:output method="html" version="1.0" encoding="UTF-8" indent="yes"
    doctype-system="about:legacy-compat"/>

  <!-- Replace every occurrence of $from in $text with $to. -->
  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    Item descriptions are plain text escaped as HTML (&lt; &gt; &amp;), because
    feed readers treat <description> as HTML. Undo that here so the page shows
    "AT&T", not "AT&amp;T"; the result is still written as text, not markup.
    &amp; goes last so "&amp;lt;" correctly becomes the literal text "&lt;".
  -->
  <xsl:template name="unescape-html">
    <xsl:param name="text"/>
    <xsl:variable name="no-lt">
      <xsl:call-template name="replace">
        <xsl:with-param name="text" select="$text"/>
        <xsl:with-param name="from" select="'&amp;lt;'"/>
        <xsl:with-param name="to" select="'&lt;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="no-gt">
      <xsl:call-template name="replace">
        <xsl:with-param name="text" select="string($no-lt)"/>
        <xsl:with-param name="from" select="'&amp;gt;'"/>
        <xsl:with-param name="to" select="'&gt;'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:call-template name="replace">
      <xsl:with-param name="text" select="string($no-gt)"/>
      <xsl:with-param name="from" select="'&amp;amp;'"/>
      <xsl:with-param name="to" select="'&amp;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/">
    <xsl:variable name="channel" select="/rss/channel"/>
    <xsl:variable name="self" select="$channel/atom:link[@rel='self']/@href"/>
    <html>
      <xsl:attribute name="lang">
        <xsl:choose>
          <xsl:when test="$channel/language"><xsl:value-of select="$channel/language"/></xsl:when>
          <xsl:otherwise>en</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$channel/title"/> · RSS feed</title>
        <style>
          :root {
            color-scheme: light dark;
            --bg: #fbfaf7; --fg: #1b1b1b; --muted: #5d5d5d; --rule: #dedbd2;
            --accent: #b4232a; --note-bg: #f1eee6; --code-bg: #ffffff;
          }
          @media (prefers-color-scheme: dark) {
            :root {
              --bg: #151515; --fg: #ecebe8; --muted: #a9a7a1; --rule: #34322e;
              --accent: #f0707a; --note-bg: #201f1c; --code-bg: #0d0d0d;
            }
          }
          * { box-sizing: border-box; }
          body {
            margin: 0; background: var(--bg); color: var(--fg);
            font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          }
          main { max-width: 44rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
          a { color: var(--accent); text-underline-offset: 0.15em; }
          a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
          .note {
            background: var(--note-bg); border: 1px solid var(--rule); border-radius: 0.5rem;
            padding: 1rem 1.25rem; margin-bottom: 2.5rem; font-size: 0.95rem;
          }
          .note p { margin: 0 0 0.6rem; }
          .note p:last-child { margin-bottom: 0; }
          .feed-url {
            display: block; margin-top: 0.35rem; padding: 0.5rem 0.75rem;
            background: var(--code-bg); border: 1px solid var(--rule); border-radius: 0.35rem;
            font: 0.9rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
            overflow-wrap: anywhere; user-select: all;
          }
          header { border-bottom: 3px double var(--rule); padding-bottom: 1.25rem; margin-bottom: 1.5rem; }
          .label { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.75rem; color: var(--muted); margin: 0; }
          h1 { font: 700 2.25rem/1.15 Georgia, "Times New Roman", serif; margin: 0.25rem 0 0.5rem; }
          header p { margin: 0.25rem 0; color: var(--muted); }
          h2 { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
          ol { list-style: none; margin: 0; padding: 0; }
          li { padding: 1.1rem 0; border-bottom: 1px solid var(--rule); }
          h3 { font: 700 1.3rem/1.3 Georgia, "Times New Roman", serif; margin: 0 0 0.3rem; }
          h3 a { color: inherit; text-decoration: none; }
          h3 a:hover, h3 a:focus-visible { color: var(--accent); text-decoration: underline; }
          .meta { font-size: 0.85rem; color: var(--muted); margin: 0 0 0.35rem; }
          .dek { margin: 0; }
        </style>
      </head>
      <body>
        <main>
          <aside class="note" aria-label="About this page">
            <p><strong>This is a web feed</strong>, also known as an RSS feed. It is meant for
              feed reader apps, which check it for new articles so you do not have to visit the site.</p>
            <p>To subscribe, copy this address into your feed reader:
              <code class="feed-url">
                <xsl:choose>
                  <xsl:when test="$self"><xsl:value-of select="$self"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$channel/link"/>rss.xml</xsl:otherwise>
                </xsl:choose>
              </code>
            </p>
            <p>New to feeds? <a href="https://aboutfeeds.com/">About Feeds</a> explains them in a few minutes.</p>
          </aside>
          <header>
            <p class="label">RSS feed preview</p>
            <h1><xsl:value-of select="$channel/title"/></h1>
            <p><xsl:value-of select="$channel/description"/></p>
            <xsl:if test="starts-with($channel/link, 'https://') or starts-with($channel/link, 'http://')">
              <p><a href="{$channel/link}">Visit the website →</a></p>
            </xsl:if>
          </header>
          <section aria-labelledby="latest">
            <h2 id="latest">Latest articles</h2>
            <ol>
              <xsl:for-each select="$channel/item">
                <li>
                  <h3>
                    <xsl:choose>
                      <!-- Only web links become clickable. -->
                      <xsl:when test="starts-with(link, 'https://') or starts-with(link, 'http://')">
                        <a href="{link}"><xsl:value-of select="title"/></a>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="title"/></xsl:otherwise>
                    </xsl:choose>
                  </h3>
                  <p class="meta">
                    <!-- "Mon, 09 Mar 2026 08:30:00 GMT" → "Mon, 09 Mar 2026" -->
                    <xsl:value-of select="substring(pubDate, 1, 16)"/>
                    <xsl:if test="dc:creator">
                      <xsl:text> · </xsl:text>
                      <xsl:for-each select="dc:creator">
                        <xsl:if test="position() &gt; 1"><xsl:text>, </xsl:text></xsl:if>
                        <xsl:value-of select="."/>
                      </xsl:for-each>
                    </xsl:if>
                  </p>
                  <xsl:if test="description">
                    <p class="dek">
                      <xsl:call-template name="unescape-html">
                        <xsl:with-param name="text" select="description"/>
                      </xsl:call-template>
                    </p>
                  </xsl:if>
                </li>
              </xsl:for-each>
            </ol>
          </section>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
