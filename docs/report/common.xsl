<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what session.xsl and compare.xsl share: the parameters, the words of the page in
  Dutch and English, the style sheet (screen, phone, print), and small helpers.

  Parameters (xsltproc: stringparam lang en; param participants 1):
    lang          nl (default) or en
    participants  1: the short summary for the participants (pseudonymised, no transcript,
                  no scores, no evidence, no names of the professionals)

  XSLT 1.0 with EXSLT common (exsl:node-set), which libxslt and xsltproc provide. The pages
  are self-contained: no scripts, no fonts or images from elsewhere, the chart is inline SVG.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common"
    extension-element-prefixes="exsl"
    exclude-result-prefixes="exsl">

  <xsl:param name="lang" select="'nl'"/>
  <xsl:param name="participants" select="'0'"/>

  <xsl:variable name="L">
    <xsl:choose>
      <xsl:when test="$lang = 'en'">en</xsl:when>
      <xsl:otherwise>nl</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="P" select="string($participants) = '1' or string($participants) = 'yes' or string($participants) = 'true'"/>

  <!-- ==== the words of the page ======================================================= -->
  <xsl:variable name="strings-rtf">
    <s k="report"><nl>Verslag van de spiegelbijeenkomst</nl><en>Mirror meeting report</en></s>
    <s k="summary"><nl>Samenvatting voor de deelnemers</nl><en>Summary for the participants</en></s>
    <s k="kicker"><nl>Spiegelbijeenkomst</nl><en>Mirror meeting</en></s>
    <s k="skip"><nl>Naar de inhoud</nl><en>Skip to the content</en></s>
    <s k="contents"><nl>Inhoud</nl><en>Contents</en></s>
    <s k="organisation"><nl>Organisatie</nl><en>Organisation</en></s>
    <s k="date"><nl>Datum</nl><en>Date</en></s>
    <s k="domain"><nl>Domein</nl><en>Domain</en></s>
    <s k="source"><nl>Bron</nl><en>Source</en></s>
    <s k="overview"><nl>Overzicht</nl><en>Overview</en></s>
    <s k="tops"><nl>Tops</nl><en>What went well</en></s>
    <s k="tops-long"><nl>Tops: wat goed ging</nl><en>What went well</en></s>
    <s k="learning"><nl>Leerpunten</nl><en>Learning points</en></s>
    <s k="learning-long"><nl>Leerpunten: wat beter kan</nl><en>Learning points: what could be better</en></s>
    <s k="quickwins"><nl>Quick-wins</nl><en>Quick wins</en></s>
    <s k="quickwins-long"><nl>Quick-wins: direct op te pakken</nl><en>Quick wins: to act on at once</en></s>
    <s k="themes"><nl>Thema's</nl><en>Themes</en></s>
    <s k="theme"><nl>Thema</nl><en>Theme</en></s>
    <s k="transcript"><nl>Transcript</nl><en>Transcript</en></s>
    <s k="other"><nl>Overig</nl><en>Other</en></s>
    <s k="none-tops"><nl>Er zijn geen tops genoemd.</nl><en>No positives were raised.</en></s>
    <s k="none-learning"><nl>Er zijn geen leerpunten genoemd.</nl><en>No learning points were raised.</en></s>
    <s k="none-quickwins"><nl>Er zijn geen quick-wins genoemd.</nl><en>No quick wins were raised.</en></s>
    <s k="raised-by-1"><nl>genoemd door 1 deelnemer</nl><en>raised by 1 participant</en></s>
    <s k="raised-by-n"><nl>genoemd door % deelnemers</nl><en>raised by % participants</en></s>
    <s k="in-transcript"><nl>in het transcript</nl><en>in the transcript</en></s>
    <s k="to-item"><nl>naar het punt</nl><en>to the point</en></s>
    <s k="evidence"><nl>Onderbouwing</nl><en>Evidence</en></s>
    <s k="score"><nl>score</nl><en>score</en></s>
    <s k="also-learning"><nl>staat ook bij de leerpunten als</nl><en>also among the learning points as</en></s>
    <s k="quick-win"><nl>quick-win</nl><en>quick win</en></s>
    <s k="people"><nl>Wie waren er</nl><en>Who took part</en></s>
    <s k="role"><nl>Rol</nl><en>Role</en></s>
    <s k="number"><nl>Aantal</nl><en>Number</en></s>
    <s k="names"><nl>Namen</nl><en>Names</en></s>
    <s k="role-inferred"><nl>rol afgeleid uit wat de spreker zegt</nl><en>role inferred from what the speaker says</en></s>
    <s k="mentions"><nl>Genoemd</nl><en>Mentions</en></s>
    <s k="positive"><nl>Positief</nl><en>Positive</en></s>
    <s k="negative"><nl>Negatief</nl><en>Negative</en></s>
    <s k="polarity"><nl>Gemiddelde toon</nl><en>Mean polarity</en></s>
    <s k="sentences"><nl>zinnen</nl><en>sentences</en></s>
    <s k="words"><nl>woorden</nl><en>words</en></s>
    <s k="chart-title"><nl>Zinnen per thema: positief en negatief</nl><en>Sentences per theme: positive and negative</en></s>
    <s k="chart-desc"><nl>Per thema het aantal zinnen in tops (groen, naar rechts) en in leerpunten (rood, naar links). De tabel eronder geeft dezelfde getallen.</nl><en>Per theme the number of sentences in positives (green, to the right) and in learning points (red, to the left). The table below gives the same numbers.</en></s>
    <s k="theme-table"><nl>Thema's in cijfers</nl><en>Themes in numbers</en></s>
    <s k="part1"><nl>Deel 1: de kring</nl><en>Part 1: the circle</en></s>
    <s k="part2"><nl>Deel 2: de dialoog met de toehoorders</nl><en>Part 2: the dialogue with the listeners</en></s>
    <s k="made-with"><nl>Gemaakt met spiegel</nl><en>Made with spiegel</en></s>
    <s k="from-file"><nl>uit</nl><en>from</en></s>
    <s k="thanks"><nl>Dank u wel voor uw deelname aan de spiegelbijeenkomst. Hieronder leest u wat de deelnemers hebben verteld: wat goed ging, wat beter kan en wat direct kan worden opgepakt. Namen zijn weggelaten.</nl><en>Thank you for taking part in the mirror meeting. Below you can read what the participants told: what went well, what could be better and what can be acted on at once. Names have been left out.</en></s>
    <s k="next"><nl>Wat gebeurt er nu?</nl><en>What happens next?</en></s>
    <s k="next-text"><nl>De organisatie gaat met deze punten aan de slag. U hoort wat er met uw ervaringen is gedaan, uiterlijk bij de volgende spiegelbijeenkomst.</nl><en>The organisation will work on these points. You will hear what has been done with your experiences, at the latest at the next mirror meeting.</en></s>
    <s k="a-participant"><nl>een deelnemer</nl><en>a participant</en></s>
    <s k="corpus"><nl>Verslagen van spiegelbijeenkomsten</nl><en>Mirror meeting reports</en></s>
    <s k="sessions-n"><nl>bijeenkomsten</nl><en>meetings</en></s>
    <s k="error"><nl>Niet geanalyseerd</nl><en>Not analysed</en></s>
    <!-- roles -->
    <s k="role-moderator"><nl>gespreksleider</nl><en>moderator</en></s>
    <s k="role-participant"><nl>deelnemer</nl><en>participant</en></s>
    <s k="role-listener"><nl>toehoorder</nl><en>listener (professional)</en></s>
    <s k="role-minutes"><nl>notulist</nl><en>minute-taker</en></s>
    <s k="role-unknown"><nl>onbekend</nl><en>unknown</en></s>
    <s k="roles-moderator"><nl>Gespreksleiders</nl><en>Moderators</en></s>
    <s k="roles-participant"><nl>Deelnemers</nl><en>Participants</en></s>
    <s k="roles-listener"><nl>Toehoorders</nl><en>Listeners (professionals)</en></s>
    <s k="roles-minutes"><nl>Notulisten</nl><en>Minute-takers</en></s>
    <s k="roles-unknown"><nl>Onbekend</nl><en>Unknown</en></s>
    <!-- comparison -->
    <s k="over-time"><nl>Spiegelbijeenkomsten door de tijd</nl><en>Mirror meetings over time</en></s>
    <s k="sessions"><nl>Bijeenkomsten</nl><en>Meetings</en></s>
    <s k="session"><nl>Bijeenkomst</nl><en>Meeting</en></s>
    <s k="trends"><nl>Trends per thema</nl><en>Trends per theme</en></s>
    <s k="changes"><nl>Veranderingen per bijeenkomst</nl><en>Changes per meeting</en></s>
    <s k="trend-desc"><nl>Per bijeenkomst het aantal zinnen in tops (groen, doorgetrokken lijn) en in leerpunten (rood, gestippelde lijn).</nl><en>Per meeting the number of sentences in positives (green, solid line) and in learning points (red, dashed line).</en></s>
    <s k="trend-table"><nl>Thema's per bijeenkomst: positief / negatief, gemiddelde toon en verandering</nl><en>Themes per meeting: positive / negative, mean polarity and change</en></s>
    <s k="from-to"><nl>Van % naar %</nl><en>From % to %</en></s>
    <s k="recurring"><nl>Terugkerende leerpunten</nl><en>Recurring learning points</en></s>
    <s k="resolved"><nl>Opgeloste leerpunten</nl><en>Resolved learning points</en></s>
    <s k="new"><nl>Nieuwe leerpunten</nl><en>New learning points</en></s>
    <s k="holds"><nl>Tops die blijven</nl><en>Positives that hold</en></s>
    <s k="faded"><nl>Tops die niet meer genoemd zijn</nl><en>Positives that faded</en></s>
    <s k="new-positives"><nl>Nieuwe tops</nl><en>New positives</en></s>
    <s k="n-recurring"><nl>terugkerend</nl><en>recurring</en></s>
    <s k="n-resolved"><nl>opgelost</nl><en>resolved</en></s>
    <s k="n-new"><nl>nieuw</nl><en>new</en></s>
    <s k="n-holds"><nl>tops blijven</nl><en>positives hold</en></s>
    <s k="n-faded"><nl>tops verdwenen</nl><en>positives faded</en></s>
    <s k="then"><nl>Toen</nl><en>Then</en></s>
    <s k="now"><nl>Nu</nl><en>Now</en></s>
    <s k="shared"><nl>Gedeelde woorden</nl><en>Shared words</en></s>
    <s k="similarity"><nl>Overeenkomst</nl><en>Similarity</en></s>
    <s k="now-positive"><nl>nu als top genoemd:</nl><en>now raised as a positive:</en></s>
    <s k="not-again"><nl>niet meer genoemd</nl><en>not raised again</en></s>
    <s k="now-learning"><nl>nu als leerpunt genoemd:</nl><en>now raised as a learning point:</en></s>
    <s k="earlier"><nl>eerder genoemd in bijeenkomst</nl><en>raised earlier, in meeting</en></s>
    <s k="none"><nl>Geen.</nl><en>None.</en></s>
    <s k="change"><nl>verandering</nl><en>change</en></s>
    <s k="participants"><nl>Deelnemers</nl><en>Participants</en></s>
    <s k="series"><nl>Reeks</nl><en>Series</en></s>
    <s k="method"><nl>Punten zijn gekoppeld als ze een thema en genoeg inhoudswoorden delen (gewogen Dice ≥ %); zie docs/compare.md.</nl><en>Points are linked when they share a theme and enough content words (weighted Dice ≥ %); see docs/compare.md.</en></s>
  </xsl:variable>
  <xsl:variable name="strings" select="exsl:node-set($strings-rtf)/s"/>

  <!-- The text of key k in the page language. -->
  <xsl:template name="t">
    <xsl:param name="k"/>
    <xsl:variable name="s" select="$strings[@k = $k]"/>
    <xsl:choose>
      <xsl:when test="$L = 'en'"><xsl:value-of select="$s/en"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$s/nl"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The text of key k with its first '%' replaced by a (and a second by b). -->
  <xsl:template name="t-with">
    <xsl:param name="k"/>
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:variable name="s">
      <xsl:call-template name="t"><xsl:with-param name="k" select="$k"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="rest" select="substring-after($s, '%')"/>
    <xsl:value-of select="substring-before($s, '%')"/>
    <xsl:value-of select="$a"/>
    <xsl:choose>
      <xsl:when test="contains($rest, '%')">
        <xsl:value-of select="substring-before($rest, '%')"/>
        <xsl:value-of select="$b"/>
        <xsl:value-of select="substring-after($rest, '%')"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$rest"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="role-name">
    <xsl:param name="role"/>
    <xsl:call-template name="t"><xsl:with-param name="k" select="concat('role-', $role)"/></xsl:call-template>
  </xsl:template>

  <!-- "raised by 3 participants" -->
  <xsl:template name="support">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="number($n) &lt;= 1">
        <xsl:call-template name="t"><xsl:with-param name="k" select="'raised-by-1'"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="t-with">
          <xsl:with-param name="k" select="'raised-by-n'"/>
          <xsl:with-param name="a" select="$n"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A signed decimal with two places: +0.62, -0.45, 0.00 -->
  <xsl:template name="signed">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string(number($v)) = 'NaN'">–</xsl:when>
      <xsl:when test="number($v) &gt;= 0.005"><xsl:value-of select="concat('+', format-number($v, '0.00'))"/></xsl:when>
      <xsl:when test="number($v) &lt;= -0.005"><xsl:value-of select="concat('−', format-number(-$v, '0.00'))"/></xsl:when>
      <xsl:otherwise>0.00</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A signed integer change: +2, −1, 0 -->
  <xsl:template name="delta">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="string(number($v)) = 'NaN'"/>
      <xsl:when test="number($v) &gt; 0"><xsl:value-of select="concat('+', $v)"/></xsl:when>
      <xsl:when test="number($v) &lt; 0"><xsl:value-of select="concat('−', -$v)"/></xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label of a theme id among the theme elements given (label-en in English). -->
  <xsl:template name="theme-label">
    <xsl:param name="id"/>
    <xsl:param name="themes"/>
    <xsl:variable name="t" select="$themes[@id = $id]"/>
    <xsl:choose>
      <xsl:when test="$L = 'en' and $t/@label-en"><xsl:value-of select="$t/@label-en"/></xsl:when>
      <xsl:when test="$t/@label"><xsl:value-of select="$t/@label"/></xsl:when>
      <xsl:when test="$id = ''"><xsl:call-template name="t"><xsl:with-param name="k" select="'other'"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:value-of select="translate($id, '_', ' ')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Theme tags for a space-separated id list. -->
  <xsl:template name="theme-tags">
    <xsl:param name="list"/>
    <xsl:param name="themes"/>
    <xsl:variable name="l" select="normalize-space($list)"/>
    <xsl:if test="$l != ''">
      <xsl:variable name="first" select="substring-before(concat($l, ' '), ' ')"/>
      <span class="tag">
        <xsl:call-template name="theme-label">
          <xsl:with-param name="id" select="$first"/>
          <xsl:with-param name="themes" select="$themes"/>
        </xsl:call-template>
      </span>
      <xsl:text> </xsl:text>
      <xsl:call-template name="theme-tags">
        <xsl:with-param name="list" select="substring-after($l, ' ')"/>
        <xsl:with-param name="themes" select="$themes"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The head of every page: title, viewport, the style sheet. -->
  <xsl:template name="head">
    <xsl:param name="title"/>
    <head>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="generator" content="spiegel"/>
      <title><xsl:value-of select="$title"/></title>
      <style><xsl:call-template name="css"/></style>
    </head>
  </xsl:template>

  <xsl:template name="doctype">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
  </xsl:template>

  <!-- ==== the style sheet ============================================================
       Colours meet WCAG AA contrast on their backgrounds (text 4.5:1, bars 3:1); meaning
       never rests on colour alone (labels, numbers, line styles). -->
  <xsl:template name="css">
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --paper: #ffffff; --soft: #f6f8fa;
        --pos: #1a7f37; --pos-bg: #dafbe1; --neg: #b42318; --neg-bg: #ffebe9;
        --qw: #7d4e00; --qw-bg: #fff8c5; --link: #0a55c4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: var(--paper);
       font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5em 1em; }
.skip:focus { left: 1em; z-index: 2; }
header.page, main, footer.page, nav.toc { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
header.page { padding-top: 2rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: var(--muted); margin: 0; }
h1 { font-size: 2rem; line-height: 1.2; margin: .2em 0 .5em; }
h2 { font-size: 1.45rem; margin: 2.2em 0 .6em; padding-bottom: .25em; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.6em 0 .5em; }
h4 { font-size: 1rem; margin: 1.2em 0 .4em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1.2em; margin: 0 0 1em; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
nav.toc ul { list-style: none; padding: 0; margin: 1em 0; display: flex; flex-wrap: wrap; gap: .4em 1.2em; }
nav.toc a { font-weight: 600; }
ul.stats { list-style: none; padding: 0; margin: 1em 0; display: flex; flex-wrap: wrap; gap: .8em; }
ul.stats li { border: 1px solid var(--line); border-radius: 8px; padding: .6em 1em; min-width: 8.5em; background: var(--soft); }
ul.stats .num { display: block; font-size: 1.8rem; font-weight: 700; line-height: 1.1; }
.intro { font-size: 1.08rem; max-width: 44rem; }
.table-wrap { overflow-x: auto; margin: 1em 0; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .3em 0 .6em; }
th, td { text-align: left; vertical-align: top; padding: .45em .6em; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--ink); }
th[scope=row] { font-weight: 600; }
th.date, td.date { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
ul.items { list-style: none; padding: 0; margin: 0; }
li.item { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 6px;
          padding: .7em 1em; margin: .7em 0; background: var(--paper); break-inside: avoid; }
li.item.positive { border-left-color: var(--pos); }
li.item.learning-point { border-left-color: var(--neg); }
li.item.quick-win { border-left-color: var(--qw); }
li.item:target { box-shadow: 0 0 0 3px var(--link); }
blockquote { margin: 0; font-size: 1.05rem; }
blockquote p { margin: 0; }
blockquote p::before { content: "\201C"; } blockquote p::after { content: "\201D"; }
.item .meta { margin: .4em 0 0; font-size: .88rem; color: var(--muted); }
.item .meta a { white-space: nowrap; }
.badge { display: inline-block; font-size: .78rem; font-weight: 700; padding: .05em .5em; border-radius: 99px;
         background: var(--qw-bg); color: var(--qw); border: 1px solid var(--qw); }
.tag { display: inline-block; font-size: .78rem; padding: .05em .5em; border-radius: 99px; background: var(--soft);
       border: 1px solid var(--line); color: var(--ink); }
.evidence { font-size: .82rem; color: var(--muted); margin: .35em 0 0; }
.evidence code { font: inherit; background: var(--soft); border-radius: 3px; padding: 0 .25em; }
figure { margin: 1em 0; }
figcaption { font-size: .9rem; color: var(--muted); }
svg { max-width: 100%; height: auto; display: block; }
svg text { font: 13px system-ui, "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
svg .pos { fill: var(--pos); } svg .neg { fill: var(--neg); }
svg .axis { stroke: var(--muted); stroke-width: 1; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .line-pos { stroke: var(--pos); stroke-width: 3; fill: none; }
svg .line-neg { stroke: var(--neg); stroke-width: 3; fill: none; stroke-dasharray: 7 5; }
.trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1rem; }
.trends figure { border: 1px solid var(--line); border-radius: 8px; padding: .6em .8em; margin: 0; }
.trends h3 { margin: 0 0 .3em; font-size: 1rem; line-height: 1.4; min-height: 2.8em; }
ol.turns { list-style: none; padding: 0; margin: 0; }
li.turn { margin: 0 0 .9em; padding-left: .8em; border-left: 3px solid var(--line); }
li.turn.participant { border-left-color: var(--link); }
li.turn .who { font-weight: 600; margin: 0; font-size: .95rem; }
li.turn .who .role, li.turn .who time { font-weight: 400; color: var(--muted); }
li.turn p.said { margin: .15em 0 0; }
.s.positive { background: var(--pos-bg); }
.s.learning-point { background: var(--neg-bg); }
.s.quick-win { background: var(--qw-bg); }
.s:target { outline: 3px solid var(--link); }
a.back { font-size: .75rem; font-weight: 700; text-decoration: none; padding: 0 .3em; border-radius: 3px;
         border: 1px solid currentColor; margin: 0 .2em; }
.phase { margin: 1.4em 0 .6em; font-size: 1rem; color: var(--muted); }
.status { font-weight: 600; }
.muted { color: var(--muted); }
footer.page { margin-top: 3rem; padding-bottom: 2rem; font-size: .85rem; color: var(--muted); border-top: 1px solid var(--line); padding-top: 1em; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.55rem; }
  h2 { font-size: 1.25rem; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .4em; }
  ul.stats li { min-width: 0; flex: 1 1 40%; }
  th, td { padding: .35em .4em; }
}
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  .skip, nav.toc { display: none; }
  a { color: inherit; text-decoration: none; }
  a.back { display: none; }
  h2, h3 { break-after: avoid; }
  li.item, figure, tr { break-inside: avoid; }
  li.item { border-color: #888; }
  .table-wrap { overflow: visible; }
  header.page, main, footer.page { max-width: none; padding: 0; }
}
  </xsl:template>
</xsl:stylesheet>
