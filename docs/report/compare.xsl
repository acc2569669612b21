<?xml version="1.0" encoding="UTF-8"?>
<!--
  compare.xsl: one self-contained HTML page for a comparison of spiegelbijeenkomsten over time
  (the XML of `spiegel compare`, docs/compare.md and docs/compare.rng).

    spiegel compare out/s1.xml out/s2.xml out/s3.xml -o out/series.xml
    spiegel report out/series.xml -o out/series.html
    xsltproc docs/report/compare.xsl out/series.xml > out/series.html

  Per series: the meetings, a small trend chart per theme (inline SVG: sentences in positives
  and in learning points per meeting, on one scale for all themes) with a table of the same
  numbers, mean polarity and change, and per pair of consecutive meetings the tables of
  recurring, resolved and new learning points and of the positives that hold, faded or are new.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:svg="http://www.w3.org/2000/svg"
    exclude-result-prefixes="svg">

  <xsl:include href="common.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:template match="/comparison">
    <xsl:variable name="title">
      <xsl:call-template name="t"><xsl:with-param name="k" select="'over-time'"/></xsl:call-template>
      <xsl:if test="count(series) = 1 and normalize-space(series/session[1]/@organisation) != ''">
        <xsl:value-of select="concat(': ', series/session[1]/@organisation)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:call-template name="doctype"/>
    <html lang="{$L}">
      <xsl:call-template name="head"><xsl:with-param name="title" select="$title"/></xsl:call-template>
      <body>
        <a class="skip" href="#main"><xsl:call-template name="t"><xsl:with-param name="k" select="'skip'"/></xsl:call-template></a>
        <header class="page">
          <p class="kicker"><xsl:call-template name="t"><xsl:with-param name="k" select="'kicker'"/></xsl:call-template></p>
          <h1><xsl:value-of select="$title"/></h1>
          <p class="muted">
            <xsl:call-template name="t-with">
              <xsl:with-param name="k" select="'method'"/>
              <xsl:with-param name="a" select="format-number(@threshold, '0.00')"/>
            </xsl:call-template>
          </p>
        </header>
        <nav class="toc">
          <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="k" select="'contents'"/></xsl:call-template></xsl:attribute>
          <ul>
            <xsl:for-each select="series">
              <xsl:variable name="sx" select="concat('r', @n, '-')"/>
              <li><a href="#{$sx}sessions"><xsl:call-template name="series-name"/></a></li>
              <li><a href="#{$sx}trends"><xsl:call-template name="t"><xsl:with-param name="k" select="'trends'"/></xsl:call-template></a></li>
              <xsl:if test="count(transition) &gt; 6">
                <li><a href="#{$sx}from-1"><xsl:call-template name="t"><xsl:with-param name="k" select="'changes'"/></xsl:call-template></a></li>
              </xsl:if>
              <xsl:for-each select="transition[count(../transition) &lt;= 6]">
                <li>
                  <a href="#{$sx}from-{@from}">
                    <xsl:call-template name="t-with">
                      <xsl:with-param name="k" select="'from-to'"/>
                      <xsl:with-param name="a"><xsl:apply-templates select="../session[@n = current()/@from]" mode="date"/></xsl:with-param>
                      <xsl:with-param name="b"><xsl:apply-templates select="../session[@n = current()/@to]" mode="date"/></xsl:with-param>
                    </xsl:call-template>
                  </a>
                </li>
              </xsl:for-each>
            </xsl:for-each>
          </ul>
        </nav>
        <main id="main">
          <xsl:apply-templates select="series"/>
        </main>
        <footer class="page">
          <p>
            <xsl:call-template name="t"><xsl:with-param name="k" select="'made-with'"/></xsl:call-template>
            <xsl:value-of select="concat(' ', @version, '.')"/>
          </p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="series-name">
    <xsl:choose>
      <xsl:when test="normalize-space(@key) != ''"><xsl:value-of select="@key"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="k" select="'sessions'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The date of a session as shown: the ISO date, else its datum header, else its number. -->
  <xsl:template match="session" mode="date">
    <xsl:choose>
      <xsl:when test="@date"><xsl:value-of select="@date"/></xsl:when>
      <xsl:when test="@datum"><xsl:value-of select="@datum"/></xsl:when>
      <xsl:otherwise>#<xsl:value-of select="@n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ==== one series ================================================================ -->

  <xsl:template match="series">
    <xsl:variable name="sx" select="concat('r', @n, '-')"/>
    <section id="{$sx}sessions">
      <h2><xsl:call-template name="series-name"/></h2>
      <div class="table-wrap">
        <table>
          <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'sessions'"/></xsl:call-template></caption>
          <thead>
            <tr>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'date'"/></xsl:call-template></th>
              <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'session'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'participants'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'tops'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'learning'"/></xsl:call-template></th>
              <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'quickwins'"/></xsl:call-template></th>
              <xsl:if test="not($P)">
                <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'polarity'"/></xsl:call-template></th>
              </xsl:if>
            </tr>
          </thead>
          <tbody>
            <xsl:for-each select="session">
              <tr>
                <th scope="row" class="date"><xsl:apply-templates select="." mode="date"/></th>
                <td>
                  <xsl:choose>
                    <xsl:when test="normalize-space(@title) != ''"><xsl:value-of select="@title"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="@source"/></xsl:otherwise>
                  </xsl:choose>
                  <xsl:if test="not($P) and normalize-space(@title) != ''">
                    <br/><span class="muted"><xsl:value-of select="@source"/></span>
                  </xsl:if>
                </td>
                <td class="num"><xsl:value-of select="@participants"/></td>
                <td class="num"><xsl:value-of select="@positives"/></td>
                <td class="num"><xsl:value-of select="@learning-points"/></td>
                <td class="num"><xsl:value-of select="@quick-wins"/></td>
                <xsl:if test="not($P)">
                  <td class="num"><xsl:call-template name="signed"><xsl:with-param name="v" select="@polarity"/></xsl:call-template></td>
                </xsl:if>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>

    <section id="{$sx}trends">
      <h2><xsl:call-template name="t"><xsl:with-param name="k" select="'trends'"/></xsl:call-template></h2>
      <p class="muted"><xsl:call-template name="t"><xsl:with-param name="k" select="'trend-desc'"/></xsl:call-template></p>
      <xsl:variable name="max-rtf">
        <xsl:for-each select="themes/theme/point/@positive | themes/theme/point/@negative">
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
      <div class="trends">
        <xsl:for-each select="themes/theme[point/@mentions &gt; 0]">
          <xsl:call-template name="trend-chart">
            <xsl:with-param name="max" select="$max"/>
            <xsl:with-param name="id" select="concat($sx, 'trend-', position())"/>
          </xsl:call-template>
        </xsl:for-each>
      </div>
      <xsl:call-template name="trend-table"/>
    </section>

    <xsl:apply-templates select="transition">
      <xsl:with-param name="sx" select="$sx"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- ==== trends ===================================================================== -->

  <!-- A small line chart: x = meetings, y = sentences (0..max shared by all charts). -->
  <xsl:template name="trend-chart">
    <xsl:param name="max"/>
    <xsl:param name="id"/>
    <xsl:variable name="n" select="count(point)"/>
    <xsl:variable name="left" select="44"/>
    <xsl:variable name="width" select="232"/>
    <xsl:variable name="top" select="14"/>
    <xsl:variable name="height" select="110"/>
    <xsl:variable name="sessions" select="../../session"/>
    <xsl:variable name="label">
      <xsl:call-template name="theme-label">
        <xsl:with-param name="id" select="@id"/>
        <xsl:with-param name="themes" select="."/>
      </xsl:call-template>
    </xsl:variable>
    <figure>
      <h3 id="{$id}-title"><xsl:value-of select="$label"/></h3>
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 160" width="320" height="160" role="img"
           aria-labelledby="{$id}-title {$id}-desc">
        <desc id="{$id}-desc">
          <xsl:call-template name="t"><xsl:with-param name="k" select="'positive'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="point"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="@positive"/></xsl:for-each>
          <xsl:text>; </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'negative'"/></xsl:call-template>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="point"><xsl:if test="position() &gt; 1">, </xsl:if><xsl:value-of select="@negative"/></xsl:for-each>
        </desc>
        <line class="grid" x1="{$left}" x2="{$left + $width}" y1="{$top}" y2="{$top}"/>
        <line class="grid" x1="{$left}" x2="{$left + $width}" y1="{$top + $height div 2}" y2="{$top + $height div 2}"/>
        <line class="axis" x1="{$left}" x2="{$left + $width}" y1="{$top + $height}" y2="{$top + $height}"/>
        <text x="{$left - 8}" y="{$top + 4}" text-anchor="end"><xsl:value-of select="$max"/></text>
        <text x="{$left - 8}" y="{$top + $height + 4}" text-anchor="end">0</text>
        <xsl:variable name="pos-points">
          <xsl:for-each select="point">
            <xsl:call-template name="xy">
              <xsl:with-param name="i" select="position()"/><xsl:with-param name="n" select="$n"/>
              <xsl:with-param name="v" select="@positive"/><xsl:with-param name="max" select="$max"/>
              <xsl:with-param name="left" select="$left"/><xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="top" select="$top"/><xsl:with-param name="height" select="$height"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:variable>
        <xsl:variable name="neg-points">
          <xsl:for-each select="point">
            <xsl:call-template name="xy">
              <xsl:with-param name="i" select="position()"/><xsl:with-param name="n" select="$n"/>
              <xsl:with-param name="v" select="@negative"/><xsl:with-param name="max" select="$max"/>
              <xsl:with-param name="left" select="$left"/><xsl:with-param name="width" select="$width"/>
              <xsl:with-param name="top" select="$top"/><xsl:with-param name="height" select="$height"/>
            </xsl:call-template>
          </xsl:for-each>
        </xsl:variable>
        <polyline class="line-neg" points="{normalize-space($neg-points)}"/>
        <polyline class="line-pos" points="{normalize-space($pos-points)}"/>
        <xsl:for-each select="point">
          <xsl:variable name="x" select="$left + ($width * (position() - 1) div (($n - 1) + ($n = 1))) + ($n = 1) * $width div 2"/>
          <xsl:variable name="yp" select="$top + $height - $height * @positive div $max"/>
          <xsl:variable name="yn" select="$top + $height - $height * @negative div $max"/>
          <xsl:if test="$n &lt;= 24">
            <rect class="neg" x="{format-number($x - 5, '0.0')}" y="{format-number($yn - 5, '0.0')}" width="10" height="10"/>
            <circle class="pos" cx="{format-number($x, '0.0')}" cy="{format-number($yp, '0.0')}" r="5.5"/>
          </xsl:if>
          <!-- dates under at most six points (first and last always) so they never overlap -->
          <xsl:if test="position() = 1 or position() = last() or
                        ((position() - 1) mod ceiling($n div 6) = 0 and last() - position() &gt;= ceiling($n div 6))">
            <text x="{format-number($x, '0.0')}" y="{$top + $height + 18}" text-anchor="middle">
              <xsl:variable name="s" select="$sessions[@n = current()/@session]"/>
              <xsl:choose>
                <xsl:when test="$s/@date"><xsl:value-of select="substring($s/@date, 1, 7)"/></xsl:when>
                <xsl:otherwise>#<xsl:value-of select="@session"/></xsl:otherwise>
              </xsl:choose>
            </text>
          </xsl:if>
        </xsl:for-each>
      </svg>
    </figure>
  </xsl:template>

  <xsl:template name="xy">
    <xsl:param name="i"/><xsl:param name="n"/><xsl:param name="v"/><xsl:param name="max"/>
    <xsl:param name="left"/><xsl:param name="width"/><xsl:param name="top"/><xsl:param name="height"/>
    <xsl:variable name="x" select="$left + ($width * ($i - 1) div (($n - 1) + ($n = 1))) + ($n = 1) * $width div 2"/>
    <xsl:variable name="y" select="$top + $height - $height * $v div $max"/>
    <xsl:value-of select="concat(format-number($x, '0.0'), ',', format-number($y, '0.0'), ' ')"/>
  </xsl:template>

  <xsl:template name="trend-table">
    <xsl:variable name="sessions" select="session"/>
    <div class="table-wrap">
      <table>
        <caption><xsl:call-template name="t"><xsl:with-param name="k" select="'trend-table'"/></xsl:call-template></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'theme'"/></xsl:call-template></th>
            <xsl:for-each select="$sessions">
              <th scope="col" class="num"><xsl:apply-templates select="." mode="date"/></th>
            </xsl:for-each>
          </tr>
        </thead>
        <tbody>
          <xsl:for-each select="themes/theme">
            <tr>
              <th scope="row">
                <xsl:call-template name="theme-label">
                  <xsl:with-param name="id" select="@id"/>
                  <xsl:with-param name="themes" select="."/>
                </xsl:call-template>
              </th>
              <xsl:for-each select="point">
                <td class="num">
                  <xsl:value-of select="concat(@positive, ' / ', @negative)"/>
                  <xsl:if test="@change-positive and (@change-positive != 0 or @change-negative != 0)">
                    <br/>
                    <span class="muted">
                      <xsl:text>(</xsl:text>
                      <xsl:call-template name="delta"><xsl:with-param name="v" select="@change-positive"/></xsl:call-template>
                      <xsl:text> / </xsl:text>
                      <xsl:call-template name="delta"><xsl:with-param name="v" select="@change-negative"/></xsl:call-template>
                      <xsl:text>)</xsl:text>
                    </span>
                  </xsl:if>
                  <xsl:if test="not($P) and @polarity">
                    <br/>
                    <span class="muted">
                      <xsl:call-template name="signed"><xsl:with-param name="v" select="@polarity"/></xsl:call-template>
                      <xsl:if test="@change-polarity">
                        <xsl:choose>
                          <xsl:when test="@change-polarity &gt;= 0.05"> ▲</xsl:when>
                          <xsl:when test="@change-polarity &lt;= -0.05"> ▼</xsl:when>
                        </xsl:choose>
                      </xsl:if>
                    </span>
                  </xsl:if>
                </td>
              </xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- ==== transitions =============================================================== -->

  <xsl:template match="transition">
    <xsl:param name="sx"/>
    <xsl:variable name="a"><xsl:apply-templates select="../session[@n = current()/@from]" mode="date"/></xsl:variable>
    <xsl:variable name="b"><xsl:apply-templates select="../session[@n = current()/@to]" mode="date"/></xsl:variable>
    <xsl:variable name="themes" select="../themes/theme"/>
    <section id="{$sx}from-{@from}">
      <h2>
        <xsl:call-template name="t-with">
          <xsl:with-param name="k" select="'from-to'"/>
          <xsl:with-param name="a" select="$a"/>
          <xsl:with-param name="b" select="$b"/>
        </xsl:call-template>
      </h2>
      <ul class="stats">
        <li><span class="num"><xsl:value-of select="@recurring"/></span><xsl:call-template name="t"><xsl:with-param name="k" select="'n-recurring'"/></xsl:call-template></li>
        <li><span class="num"><xsl:value-of select="@resolved"/></span><xsl:call-template name="t"><xsl:with-param name="k" select="'n-resolved'"/></xsl:call-template></li>
        <li><span class="num"><xsl:value-of select="@new"/></span><xsl:call-template name="t"><xsl:with-param name="k" select="'n-new'"/></xsl:call-template></li>
        <li><span class="num"><xsl:value-of select="@holds"/></span><xsl:call-template name="t"><xsl:with-param name="k" select="'n-holds'"/></xsl:call-template></li>
        <li><span class="num"><xsl:value-of select="@faded"/></span><xsl:call-template name="t"><xsl:with-param name="k" select="'n-faded'"/></xsl:call-template></li>
      </ul>

      <xsl:call-template name="link-table">
        <xsl:with-param name="links" select="link[@kind = 'learning-point' and @status = 'recurring']"/>
        <xsl:with-param name="title" select="'recurring'"/>
        <xsl:with-param name="status" select="'recurring'"/>
        <xsl:with-param name="themes" select="$themes"/>
        <xsl:with-param name="a" select="$a"/>
        <xsl:with-param name="b" select="$b"/>
      </xsl:call-template>
      <xsl:call-template name="link-table">
        <xsl:with-param name="links" select="link[@kind = 'learning-point' and @status = 'resolved']"/>
        <xsl:with-param name="title" select="'resolved'"/>
        <xsl:with-param name="status" select="'resolved'"/>
        <xsl:with-param name="themes" select="$themes"/>
        <xsl:with-param name="a" select="$a"/>
        <xsl:with-param name="b" select="$b"/>
      </xsl:call-template>
      <xsl:call-template name="link-table">
        <xsl:with-param name="links" select="link[@kind = 'learning-point' and @status = 'new']"/>
        <xsl:with-param name="title" select="'new'"/>
        <xsl:with-param name="status" select="'new'"/>
        <xsl:with-param name="themes" select="$themes"/>
        <xsl:with-param name="a" select="$a"/>
        <xsl:with-param name="b" select="$b"/>
      </xsl:call-template>
      <xsl:call-template name="link-table">
        <xsl:with-param name="links" select="link[@kind = 'positive' and @status = 'holds']"/>
        <xsl:with-param name="title" select="'holds'"/>
        <xsl:with-param name="status" select="'holds'"/>
        <xsl:with-param name="themes" select="$themes"/>
        <xsl:with-param name="a" select="$a"/>
        <xsl:with-param name="b" select="$b"/>
      </xsl:call-template>
      <xsl:call-template name="link-table">
        <xsl:with-param name="links" select="link[@kind = 'positive' and @status = 'faded']"/>
        <xsl:with-param name="title" select="'faded'"/>
        <xsl:with-param name="status" select="'faded'"/>
        <xsl:with-param name="themes" select="$themes"/>
        <xsl:with-param name="a" select="$a"/>
        <xsl:with-param name="b" select="$b"/>
      </xsl:call-template>
      <xsl:call-template name="link-table">
        <xsl:with-param name="links" select="link[@kind = 'positive' and @status = 'new']"/>
        <xsl:with-param name="title" select="'new-positives'"/>
        <xsl:with-param name="status" select="'new'"/>
        <xsl:with-param name="themes" select="$themes"/>
        <xsl:with-param name="a" select="$a"/>
        <xsl:with-param name="b" select="$b"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- A table of links: theme, then (earlier item), (later item), and for matches the shared
       words and the similarity. -->
  <xsl:template name="link-table">
    <xsl:param name="links"/>
    <xsl:param name="title"/>
    <xsl:param name="status"/>
    <xsl:param name="themes"/>
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <h3><xsl:call-template name="t"><xsl:with-param name="k" select="$title"/></xsl:call-template> (<xsl:value-of select="count($links)"/>)</h3>
    <xsl:choose>
      <xsl:when test="not($links)">
        <p class="muted"><xsl:call-template name="t"><xsl:with-param name="k" select="'none'"/></xsl:call-template></p>
      </xsl:when>
      <xsl:otherwise>
        <div class="table-wrap">
          <table class="links {$status}">
            <thead>
              <tr>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'theme'"/></xsl:call-template></th>
                <xsl:if test="$status != 'new'">
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'then'"/></xsl:call-template> (<xsl:value-of select="$a"/>)</th>
                </xsl:if>
                <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'now'"/></xsl:call-template> (<xsl:value-of select="$b"/>)</th>
                <xsl:if test="not($P) and ($status = 'recurring' or $status = 'holds')">
                  <th scope="col"><xsl:call-template name="t"><xsl:with-param name="k" select="'shared'"/></xsl:call-template></th>
                  <th scope="col" class="num"><xsl:call-template name="t"><xsl:with-param name="k" select="'similarity'"/></xsl:call-template></th>
                </xsl:if>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$links">
                <xsl:variable name="main" select="(from | to)[1]"/>
                <xsl:variable name="tid">
                  <xsl:choose>
                    <xsl:when test="$main/@theme"><xsl:value-of select="$main/@theme"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="substring-before(concat(normalize-space($main/@themes), ' '), ' ')"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:variable>
                <tr class="link {@kind} {@status}">
                  <th scope="row">
                    <xsl:call-template name="theme-label">
                      <xsl:with-param name="id" select="string($tid)"/>
                      <xsl:with-param name="themes" select="$themes"/>
                    </xsl:call-template>
                  </th>
                  <xsl:if test="$status != 'new'">
                    <td>
                      <xsl:apply-templates select="from"/>
                      <xsl:if test="@gap">
                        <br/><span class="muted">
                          <xsl:call-template name="t"><xsl:with-param name="k" select="'earlier'"/></xsl:call-template>
                          <xsl:value-of select="concat(' ', from/@session)"/>
                        </span>
                      </xsl:if>
                    </td>
                  </xsl:if>
                  <td>
                    <xsl:choose>
                      <xsl:when test="$status = 'resolved' and to">
                        <span class="status"><xsl:call-template name="t"><xsl:with-param name="k" select="'now-positive'"/></xsl:call-template></span>
                        <xsl:text> </xsl:text>
                        <xsl:apply-templates select="to"/>
                      </xsl:when>
                      <xsl:when test="$status = 'faded' and to">
                        <span class="status"><xsl:call-template name="t"><xsl:with-param name="k" select="'now-learning'"/></xsl:call-template></span>
                        <xsl:text> </xsl:text>
                        <xsl:apply-templates select="to"/>
                      </xsl:when>
                      <xsl:when test="to"><xsl:apply-templates select="to"/></xsl:when>
                      <xsl:otherwise>
                        <span class="muted"><xsl:call-template name="t"><xsl:with-param name="k" select="'not-again'"/></xsl:call-template></span>
                      </xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <xsl:if test="not($P) and ($status = 'recurring' or $status = 'holds')">
                    <td>
                      <xsl:for-each select="shared/word">
                        <xsl:if test="position() &gt; 1">, </xsl:if>
                        <xsl:choose>
                          <xsl:when test="@from = @to"><xsl:value-of select="@from"/></xsl:when>
                          <xsl:otherwise><xsl:value-of select="concat(@from, ' ~ ', @to)"/></xsl:otherwise>
                        </xsl:choose>
                      </xsl:for-each>
                    </td>
                    <td class="num"><xsl:value-of select="format-number(@similarity, '0.00')"/></td>
                  </xsl:if>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="from | to">
    <q><xsl:value-of select="quote"/></q>
    <xsl:if test="not($P)">
      <br/>
      <span class="muted">
        <xsl:value-of select="@item"/>
        <xsl:if test="@class = 'quick-win'">
          <xsl:text> · </xsl:text>
          <xsl:call-template name="t"><xsl:with-param name="k" select="'quick-win'"/></xsl:call-template>
        </xsl:if>
        <xsl:if test="@support &gt; 1">
          <xsl:text> · </xsl:text>
          <xsl:call-template name="support"><xsl:with-param name="n" select="@support"/></xsl:call-template>
        </xsl:if>
      </span>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
