<?xml version="1.0" encoding="UTF-8"?>
<!--
  session.xsl: one self-contained HTML page for a spiegelbijeenkomst (the XML of
  `spiegel analyze`, docs/xml.md), or for a corpus of them (one section per session).

    spiegel report out/session.xml -o session.html              (Dutch)
    spiegel report out/session.xml -\-lang en -o session.html
    spiegel report out/session.xml -\-participants -o summary.html
    xsltproc -\-stringparam lang en docs/report/session.xsl out/session.xml > session.html

  The page: what the session was (organisation, date, who took part by role), the tops,
  learning points and quick-wins grouped by theme with the speaker's own words and how many
  participants raised them, a theme chart (inline SVG) with the same numbers as a table, and
  the transcript, each quote linked to its place and back. With participants=1: the short
  summary for the participants, without names, scores, evidence, chart or transcript.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    extension-element-prefixes="exsl str"
    exclude-result-prefixes="svg exsl str">

  <xsl:include href="common.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:variable name="page-key">
    <xsl:choose>
      <xsl:when test="$P">summary</xsl:when>
      <xsl:otherwise>report</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ==== pages ====================================================================== -->

  <xsl:template match="/session">
    <xsl:call-template name="doctype"/>
    <html lang="{$L}">
      <xsl:call-template name="head">
        <xsl:with-param name="title">
          <xsl:call-template name="page-title"/>
        </xsl:with-param>
      </xsl:call-template>
      <body>
        <a class="skip" href="#main"><xsl:call-template name="t"><xsl:with-param name="k" select="'skip'"/></xsl:call-template></a>
        <header class="page">
          <p class="kicker">
            <xsl:call-template name="t">
              <xsl:with-param name="k" select="$page-key"/>
            </xsl:call-template>
          </p>
          <h1><xsl:call-template name="session-name"/></h1>
          <xsl:call-template name="facts"/>
        </header>
        <xsl:call-template name="toc"/>
        <main id="main">
          <xsl:apply-templates select="." mode="body">
            <xsl:with-param name="px" select="''"/>
            <xsl:with-param name="h" select="2"/>
          </xsl:apply-templates>
        </main>
        <xsl:call-template name="footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="/corpus">
    <xsl:call-template name="doctype"/>
    <html lang="{$L}">
      <xsl:call-template name="head">
        <xsl:with-param name="title"><xsl:call-template name="t"><xsl:with-param name="k" select="'corpus'"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <body>
        <a class="skip" href="#main"><xsl:call-template name="t"><xsl:with-param name="k" select="'skip'"/></xsl:call-template></a>
        <header class="page">
          <p class="kicker"><xsl:value-of select="count(session)"/><xsl:text> </xsl:text><xsl:call-template name="t"><xsl:with-param name="k" select="'sessions-n'"/></xsl:call-template></p>
          <h1><xsl:call-template name="t"><xsl:with-param name="k" select="'corpus'"/></xsl:call-template></h1>
        </header>
        <nav class="toc" aria-label="{$strings[@k='contents']/*[local-name() = $L]}">
          <ul>
            <xsl:for-each select="session">
              <li><a href="#m{position()}-session"><xsl:call-template name="session-name"/></a></li>
            </xsl:for-each>
          </ul>
        </nav>
        <main id="main">
          <xsl:for-each select="session | error">
            <xsl:choose>
              <xsl:when test="self::session">
                <section id="m{count(preceding-sibling::session) + 1}-session" aria-labelledby="m{count(preceding-sibling::session) + 1}-name">
                  <h2 id="m{count(preceding-sibling::session) + 1}-name"><xsl:call-template name="session-name"/></h2>
                  <xsl:call-template name="facts"/>
                  <xsl:apply-templates select="." mode="body">
                    <xsl:with-param name="px" select="concat('m', count(preceding-sibling::session) + 1, '-')"/>
                    <xsl:with-param name="h" select="3"/>
                  </xsl:apply-templates>
                </section>
              </xsl:when>
              <xsl:otherwise>
                <section>
                  <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'error'"/></xsl:call-template>: <xsl:value-of select="@source"/></h2>
                  <p><xsl:value-of select="."/></p>
                </section>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each>
        </main>
        <xsl:call-template name="footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- ==== header pieces ============================================================== -->

  <xsl:template name="session-name">
    <xsl:variable name="titel" select="meta/field[@key = 'titel']"/>
    <xsl:choose>
      <xsl:when test="normalize-space($titel) != ''"><xsl:value-of select="normalize-space($titel)"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'kicker'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="normalize-space(meta/field[@key = 'datum']) != ''">
      <xsl:value-of select="concat(', ', normalize-space(meta/field[@key = 'datum']))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:call-template name="session-name"/>
    <xsl:text> · </xsl:text>
    <xsl:call-template name="t">
      <xsl:with-param name="k" select="$page-key"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="facts">
    <dl class="facts">
      <xsl:for-each select="meta/field[@key = 'organisatie' or @key = 'datum' or @key = 'domein'][normalize-space(.) != '']">
        <dt>
          <xsl:call-template name="t">
            <xsl:with-param name="k">
              <xsl:choose>
                <xsl:when test="@key = 'datum'">date</xsl:when>
                <xsl:when test="@key = 'domein'">domain</xsl:when>
                <xsl:otherwise>organisation</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </dt>
        <dd><xsl:value-of select="normalize-space(.)"/></dd>
      </xsl:for-each>
      <xsl:if test="not($P)">
        <dt><xsl:call-template name="t"><xsl:with-param name="k" select="'source'"/></xsl:call-template></dt>
        <dd><xsl:value-of select="@source"/></dd>
      </xsl:if>
    </dl>
  </xsl:template>

  <xsl:template name="toc">
    <nav class="toc">
      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'contents'"/></xsl:call-template></xsl:attribute>
      <ul>
        <li><a href="#overview"><xsl:call-template name="t"><xsl:with-param name="k" select="'overview'"/></xsl:call-template></a></li>
        <xsl:if test="not($P)">
          <li><a href="#themes"><xsl:call-template name="t"><xsl:with-param name="k" select="'themes'"/></xsl:call-template></a></li>
        </xsl:if>
        <li><a href="#tops"><xsl:call-template name="t"><xsl:with-param name="k" select="'tops'"/></xsl:call-template> (<xsl:value-of select="positives/@count"/>)</a></li>
        <li><a href="#learning"><xsl:call-template name="t"><xsl:with-param name="k" select="'learning'"/></xsl:call-template> (<xsl:value-of select="learning-points/@count"/>)</a></li>
        <li><a href="#quickwins"><xsl:call-template name="t"><xsl:with-param name="k" select="'quickwins'"/></xsl:call-template> (<xsl:value-of select="quick-wins/@count"/>)</a></li>
        <xsl:if test="not($P) and transcript">
          <li><a href="#transcript"><xsl:call-template name="t"><xsl:with-param name="k" select="'transcript'"/></xsl:call-template></a></li>
        </xsl:if>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template name="footer">
    <footer class="page">
      <p>
        <xsl:call-template name="t"><xsl:with-param name="k" select="'made-with'"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:value-of select="(/session | /corpus)/@version"/>
        <xsl:if test="not($P) and /session">
          <xsl:text> </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'from-file'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:value-of select="/session/@source"/>
        </xsl:if>
        <xsl:text>.</xsl:text>
      </p>
    </footer>
  </xsl:template>

  <!-- ==== a session's body =========================================================== -->

  <xsl:template match="session" mode="body">
    <xsl:param name="px"/>
    <xsl:param name="h"/>
    <xsl:variable name="s" select="."/>

    <section id="{$px}overview">
      <xsl:element name="h{$h}"><xsl:call-template name="t"><xsl:with-param name="k" select="'overview'"/></xsl:call-template></xsl:element>
      <xsl:if test="$P">
        <p class="intro"><xsl:call-template name="t"><xsl:with-param name="k" select="'thanks'"/></xsl:call-template></p>
      </xsl:if>
      <ul class="stats">
        <li><span class="num"><xsl:value-of select="positives/@count"/></span><xsl:call-template name="t"><xsl:with-param name="k" select="'tops'"/></xsl:call-template></li>
        <li><span class="num"><xsl:value-of select="learning-points/@count"/></span><xsl:call-template name="t"><xsl:with-param name="k" select="'learning'"/></xsl:call-template></li>
        <li><span class="num"><xsl:value-of select="quick-wins/@count"/></span><xsl:call-template name="t"><xsl:with-param name="k" select="'quickwins'"/></xsl:call-template></li>
        <li><span class="num"><xsl:value-of select="count(speakers/speaker[@role = 'participant'])"/></span><xsl:call-template name="t"><xsl:with-param name="k" select="'participants'"/></xsl:call-template></li>
        <xsl:if test="not($P)">
          <li><span class="num"><xsl:call-template name="signed"><xsl:with-param name="v" select="@polarity"/></xsl:call-template></span><xsl:call-template name="t"><xsl:with-param name="k" select="'polarity'"/></xsl:call-template></li>
        </xsl:if>
      </ul>
      <xsl:if test="not($P)">
        <xsl:element name="h{$h + 1}"><xsl:call-template name="t"><xsl:with-param name="k" select="'people'"/></xsl:call-template></xsl:element>
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'role'"/></xsl:call-template></th>
                <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'number'"/></xsl:call-template></th>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'names'"/></xsl:call-template></th>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="speakers/speaker[not(@role = preceding-sibling::speaker/@role)]">
                <xsl:sort select="string-length(substring-before('participant moderator listener minutes unknown', @role))" data-type="number"/>
                <xsl:variable name="role" select="@role"/>
                <tr>
                  <th scope="row"><xsl:call-template name="t"><xsl:with-param name="k" select="concat('roles-', $role)"/></xsl:call-template></th>
                  <td class="num"><xsl:value-of select="count(../speaker[@role = $role])"/></td>
                  <td>
                    <xsl:for-each select="../speaker[@role = $role]">
                      <xsl:if test="position() &gt; 1">, </xsl:if>
                      <xsl:value-of select="@label"/>
                      <xsl:if test="@role-from and @role-from != 'default'">
                        <xsl:text> (</xsl:text>
                        <xsl:call-template name="t"><xsl:with-param name="k" select="'role-inferred'"/></xsl:call-template>
                        <xsl:text>)</xsl:text>
                      </xsl:if>
                    </xsl:for-each>
                  </td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:if>
    </section>

    <xsl:if test="not($P)">
      <section id="{$px}themes">
        <xsl:element name="h{$h}"><xsl:call-template name="t"><xsl:with-param name="k" select="'themes'"/></xsl:call-template></xsl:element>
        <xsl:call-template name="theme-chart"><xsl:with-param name="px" select="$px"/></xsl:call-template>
        <xsl:call-template name="theme-table"/>
      </section>
    </xsl:if>

    <section id="{$px}tops">
      <xsl:element name="h{$h}"><xsl:call-template name="t"><xsl:with-param name="k" select="'tops-long'"/></xsl:call-template></xsl:element>
      <xsl:call-template name="items-by-theme">
        <xsl:with-param name="items" select="positives/item"/>
        <xsl:with-param name="px" select="$px"/>
        <xsl:with-param name="h" select="$h + 1"/>
        <xsl:with-param name="none" select="'none-tops'"/>
      </xsl:call-template>
    </section>

    <section id="{$px}learning">
      <xsl:element name="h{$h}"><xsl:call-template name="t"><xsl:with-param name="k" select="'learning-long'"/></xsl:call-template></xsl:element>
      <xsl:call-template name="items-by-theme">
        <xsl:with-param name="items" select="learning-points/item"/>
        <xsl:with-param name="px" select="$px"/>
        <xsl:with-param name="h" select="$h + 1"/>
        <xsl:with-param name="none" select="'none-learning'"/>
      </xsl:call-template>
    </section>

    <section id="{$px}quickwins">
      <xsl:element name="h{$h}"><xsl:call-template name="t"><xsl:with-param name="k" select="'quickwins-long'"/></xsl:call-template></xsl:element>
      <xsl:call-template name="items-by-theme">
        <xsl:with-param name="items" select="quick-wins/item"/>
        <xsl:with-param name="px" select="$px"/>
        <xsl:with-param name="h" select="$h + 1"/>
        <xsl:with-param name="none" select="'none-quickwins'"/>
      </xsl:call-template>
    </section>

    <xsl:if test="$P">
      <section id="{$px}next">
        <xsl:element name="h{$h}"><xsl:call-template name="t"><xsl:with-param name="k" select="'next'"/></xsl:call-template></xsl:element>
        <p class="intro"><xsl:call-template name="t"><xsl:with-param name="k" select="'next-text'"/></xsl:call-template></p>
      </section>
    </xsl:if>

    <xsl:if test="not($P) and transcript">
      <section id="{$px}transcript">
        <xsl:element name="h{$h}"><xsl:call-template name="t"><xsl:with-param name="k" select="'transcript'"/></xsl:call-template></xsl:element>
        <xsl:if test="transcript/turn[@phase = '2']">
          <xsl:element name="h{$h + 1}"><xsl:attribute name="class">phase</xsl:attribute><xsl:call-template name="t"><xsl:with-param name="k" select="'part1'"/></xsl:call-template></xsl:element>
        </xsl:if>
        <ol class="turns">
          <xsl:apply-templates select="transcript/turn[@phase != '2']"><xsl:with-param name="px" select="$px"/></xsl:apply-templates>
        </ol>
        <xsl:if test="transcript/turn[@phase = '2']">
          <xsl:element name="h{$h + 1}"><xsl:attribute name="class">phase</xsl:attribute><xsl:call-template name="t"><xsl:with-param name="k" select="'part2'"/></xsl:call-template></xsl:element>
          <ol class="turns">
            <xsl:apply-templates select="transcript/turn[@phase = '2']"><xsl:with-param name="px" select="$px"/></xsl:apply-templates>
          </ol>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ==== themes: chart and table ===================================================== -->

  <xsl:template name="theme-chart">
    <xsl:param name="px"/>
    <xsl:variable name="themes" select="themes/theme"/>
    <xsl:variable name="max-rtf">
      <xsl:for-each select="$themes/@positive | $themes/@negative">
        <xsl:sort select="." data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="max">
      <xsl:choose>
        <xsl:when test="number($max-rtf) &gt; 0"><xsl:value-of select="$max-rtf"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- geometry: labels end at 290, the axis at 530, 190 px for the largest count each side -->
    <xsl:variable name="cx" select="530"/>
    <xsl:variable name="span" select="190"/>
    <xsl:variable name="row" select="32"/>
    <xsl:variable name="top" select="34"/>
    <xsl:variable name="height" select="$top + $row * count($themes) + 8"/>
    <figure>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 770 {$height}" width="770" height="{$height}" role="img"
           aria-labelledby="{$px}chart-title {$px}chart-desc">
        <title id="{$px}chart-title"><xsl:call-template name="t"><xsl:with-param name="k" select="'chart-title'"/></xsl:call-template></title>
        <desc id="{$px}chart-desc"><xsl:call-template name="t"><xsl:with-param name="k" select="'chart-desc'"/></xsl:call-template></desc>
        <text x="{$cx - 10}" y="18" text-anchor="end">← <xsl:call-template name="t"><xsl:with-param name="k" select="'learning'"/></xsl:call-template></text>
        <text x="{$cx + 10}" y="18"><xsl:call-template name="t"><xsl:with-param name="k" select="'tops'"/></xsl:call-template> →</text>
        <xsl:for-each select="$themes">
          <xsl:variable name="y" select="$top + $row * (position() - 1)"/>
          <xsl:variable name="nw" select="round($span * @negative div $max)"/>
          <xsl:variable name="pw" select="round($span * @positive div $max)"/>
          <line class="grid" x1="0" x2="770" y1="{$y + $row}" y2="{$y + $row}"/>
          <text x="290" y="{$y + 21}" text-anchor="end">
            <xsl:call-template name="theme-label">
              <xsl:with-param name="id" select="@id"/>
              <xsl:with-param name="themes" select="$themes"/>
            </xsl:call-template>
          </text>
          <xsl:if test="@negative &gt; 0">
            <rect class="neg" x="{$cx - $nw}" y="{$y + 7}" width="{$nw}" height="19"/>
          </xsl:if>
          <text x="{$cx - $nw - 6}" y="{$y + 21}" text-anchor="end"><xsl:value-of select="@negative"/></text>
          <xsl:if test="@positive &gt; 0">
            <rect class="pos" x="{$cx}" y="{$y + 7}" width="{$pw}" height="19"/>
          </xsl:if>
          <text x="{$cx + $pw + 6}" y="{$y + 21}"><xsl:value-of select="@positive"/></text>
        </xsl:for-each>
        <line class="axis" x1="{$cx}" x2="{$cx}" y1="{$top - 4}" y2="{$height - 4}"/>
      </svg>
      <figcaption><xsl:call-template name="t"><xsl:with-param name="k" select="'chart-desc'"/></xsl:call-template></figcaption>
    </figure>
  </xsl:template>

  <xsl:template name="theme-table">
    <div class="table-wrap">
      <table>
        <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'theme-table'"/></xsl:call-template></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'theme'"/></xsl:call-template></th>
            <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'mentions'"/></xsl:call-template></th>
            <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'positive'"/></xsl:call-template></th>
            <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'negative'"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="themes/theme">
            <tr>
              <th scope="row">
                <xsl:call-template name="theme-label">
                  <xsl:with-param name="id" select="@id"/>
                  <xsl:with-param name="themes" select="../theme"/>
                </xsl:call-template>
              </th>
              <td class="num"><xsl:value-of select="@mentions"/></td>
              <td class="num"><xsl:value-of select="@positive"/></td>
              <td class="num"><xsl:value-of select="@negative"/></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- ==== items ======================================================================= -->

  <!-- The main theme of an item: of its themes, the one with the most theme words
       (evidence kind="theme"); ties go to the one listed first (taxonomy order). -->
  <xsl:template name="main-theme">
    <xsl:variable name="item" select="."/>
    <xsl:for-each select="str:tokenize(normalize-space(@themes), ' ')">
      <xsl:sort select="count($item/evidence[@kind = 'theme'][@theme = current()])" data-type="number" order="descending"/>
      <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- Items under the heading of their main theme, in taxonomy order; items without a theme
       last, under "Other". -->
  <xsl:template name="items-by-theme">
    <xsl:param name="items"/>
    <xsl:param name="px"/>
    <xsl:param name="h"/>
    <xsl:param name="none"/>
    <xsl:variable name="themes" select="ancestor-or-self::session/themes/theme"/>
    <xsl:variable name="main-rtf">
      <xsl:for-each select="$items">
        <m id="{generate-id()}"><xsl:attribute name="t"><xsl:call-template name="main-theme"/></xsl:attribute></m>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="main" select="exsl:node-set($main-rtf)/m"/>
    <xsl:choose>
      <xsl:when test="not($items)">
        <p class="muted"><xsl:call-template name="t"><xsl:with-param name="k" select="$none"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$themes">
          <xsl:variable name="id" select="@id"/>
          <xsl:variable name="these" select="$items[generate-id() = $main[@t = $id]/@id]"/>
          <xsl:if test="$these">
            <xsl:element name="h{$h}">
              <xsl:call-template name="theme-label">
                <xsl:with-param name="id" select="$id"/>
                <xsl:with-param name="themes" select="$themes"/>
              </xsl:call-template>
            </xsl:element>
            <ul class="items">
              <xsl:apply-templates select="$these"><xsl:with-param name="px" select="$px"/></xsl:apply-templates>
            </ul>
          </xsl:if>
        </xsl:for-each>
        <xsl:variable name="rest" select="$items[generate-id() = $main[not(@t = $themes/@id)]/@id]"/>
        <xsl:if test="$rest">
          <xsl:element name="h{$h}"><xsl:call-template name="t"><xsl:with-param name="k" select="'other'"/></xsl:call-template></xsl:element>
          <ul class="items">
            <xsl:apply-templates select="$rest"><xsl:with-param name="px" select="$px"/></xsl:apply-templates>
          </ul>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="item">
    <xsl:param name="px"/>
    <xsl:variable name="session" select="ancestor::session"/>
    <xsl:variable name="first" select="substring-before(concat(normalize-space(@sentences), ' '), ' ')"/>
    <li class="item {@class}" id="{$px}item-{@id}">
      <blockquote><p><xsl:value-of select="quote"/></p></blockquote>
      <p class="meta">
        <xsl:if test="@class = 'quick-win' and not(@ref)">
          <span class="badge"><xsl:call-template name="t"><xsl:with-param name="k" select="'quick-win'"/></xsl:call-template></span>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="$P">
            <xsl:call-template name="support"><xsl:with-param name="n" select="@support"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$session/speakers/speaker[@id = current()/@speaker]/@label"/>
            <xsl:text> (</xsl:text>
            <xsl:call-template name="role-name"><xsl:with-param name="role" select="@role"/></xsl:call-template>
            <xsl:if test="@start"><xsl:text>, </xsl:text><time><xsl:value-of select="substring(@start, 1, 8)"/></time></xsl:if>
            <xsl:text>) · </xsl:text>
            <xsl:call-template name="support"><xsl:with-param name="n" select="@support"/></xsl:call-template>
            <xsl:text> · </xsl:text>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'score'"/></xsl:call-template>
            <xsl:text> </xsl:text>
            <xsl:call-template name="signed"><xsl:with-param name="v" select="@score"/></xsl:call-template>
            <xsl:if test="$session/transcript">
              <xsl:text> · </xsl:text>
              <a href="#{$px}{$first}"><xsl:call-template name="t"><xsl:with-param name="k" select="'in-transcript'"/></xsl:call-template></a>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@ref">
          <xsl:text> · </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'also-learning'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <a href="#{$px}item-{@ref}"><xsl:value-of select="@ref"/></a>
        </xsl:if>
        <xsl:variable name="main"><xsl:call-template name="main-theme"/></xsl:variable>
        <xsl:variable name="more" select="normalize-space(concat(' ', normalize-space(@themes), ' '))"/>
        <xsl:if test="contains(normalize-space(@themes), ' ')">
          <xsl:text> · </xsl:text>
          <xsl:call-template name="theme-tags">
            <xsl:with-param name="list" select="concat(substring-before(concat(' ', $more, ' '), concat(' ', $main, ' ')), ' ', substring-after(concat(' ', $more, ' '), concat(' ', $main, ' ')))"/>
            <xsl:with-param name="themes" select="$session/themes/theme"/>
          </xsl:call-template>
        </xsl:if>
      </p>
      <xsl:if test="not($P) and evidence[@kind != 'theme']">
        <p class="evidence">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'evidence'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="evidence[@kind != 'theme']">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <code><xsl:value-of select="@entry"/></code>
            <xsl:value-of select="concat(' (', @kind, ' ', @value, ')')"/>
          </xsl:for-each>
        </p>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ==== transcript ================================================================== -->

  <xsl:template match="turn">
    <xsl:param name="px"/>
    <xsl:variable name="session" select="ancestor::session"/>
    <li class="turn {@role}" id="{$px}{@id}">
      <p class="who">
        <xsl:value-of select="$session/speakers/speaker[@id = current()/@speaker]/@label"/>
        <xsl:text> </xsl:text>
        <span class="role">(<xsl:call-template name="role-name"><xsl:with-param name="role" select="@role"/></xsl:call-template>)</span>
        <xsl:if test="@start"><xsl:text> </xsl:text><time><xsl:value-of select="substring(@start, 1, 8)"/></time></xsl:if>
      </p>
      <p class="said">
        <xsl:for-each select="sentence">
          <xsl:variable name="sid" select="@id"/>
          <span id="{$px}{@id}">
            <xsl:attribute name="class">s<xsl:if test="@class"><xsl:value-of select="concat(' ', @class)"/></xsl:if></xsl:attribute>
            <xsl:value-of select="."/>
          </span>
          <xsl:for-each select="$session/positives/item[substring-before(concat(normalize-space(@sentences), ' '), ' ') = $sid] | $session/learning-points/item[substring-before(concat(normalize-space(@sentences), ' '), ' ') = $sid]">
            <a class="back" href="#{$px}item-{@id}" title="{@id}"><xsl:value-of select="@id"/></a>
          </xsl:for-each>
          <xsl:text> </xsl:text>
        </xsl:for-each>
      </p>
    </li>
  </xsl:template>
</xsl:stylesheet>
