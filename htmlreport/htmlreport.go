// Package htmlreport renders newslint summaries (and optionally a drift report and the worst
// files with their diffs) as one self-contained HTML page: inline CSS, inline JavaScript and
// inline SVG charts drawn from Go templates, so the page opens from a file or a CI artifact with
// no network access.
package htmlreport

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/newslint/newslint/drift"
	"github.com/newslint/newslint/summary"
)

//go:embed report.html.tmpl
var files embed.FS

// page is the report's template, parsed when a report is first written: parsing it when the
// program starts took half a millisecond of every run, most of which write no HTML.
var page = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report.html.tmpl").Funcs(template.FuncMap{
		"num":    func(x any) string { return fmtNum(toFloat(x)) },
		"pct":    fmtPct,
		"lower":  strings.ToLower,
		"mulPct": func(x float64) float64 { return 100 * x },
	}).ParseFS(files, "report.html.tmpl"))
})

// WorstFile is a file to show with the diff --fix would apply.
type WorstFile struct {
	Path     string `json:"path"`
	Site     string `json:"site"`
	Findings int    `json:"findings"`
	// RemovedChars is how many characters --fix would remove.
	RemovedChars int `json:"removed_chars"`
	// Diff is a unified diff (lines starting with "+", "-", " " or "@@").
	Diff string `json:"diff"`
}

// Input is what a report shows.
type Input struct {
	// Title heads the page (default "newslint report").
	Title string
	// Summaries are runs in time order; the page reports the last one and draws trend lines
	// through all of them.
	Summaries []*summary.Summary
	// Drift compares the last run with an earlier one, or is nil.
	Drift *drift.Report
	// Worst are files to show with their diffs, worst first.
	Worst []WorstFile
}

// Write renders the report.
func Write(w io.Writer, in Input) error {
	if len(in.Summaries) == 0 {
		return fmt.Errorf("htmlreport: no summary to report")
	}
	return page().Execute(w, build(in))
}

// view is what the template renders.
type view struct {
	Title, Label, Created string
	Runs                  int
	RunLabels             []string
	Cards                 []card
	RuleChart             barChart
	SiteChart             barChart
	Trend                 *trendChart
	Sites                 []siteRow
	Rules                 []string
	Drift                 *drift.Report
	Drifts                []driftRow
	Worst                 []worstView
	HasTrend              bool
}

type card struct {
	Label, Value, Note string
	Tone               string // "", "good", "warn", "bad"
}

type bar struct {
	Label, Value, Tip string
	Y, W              float64
	Color             string
	Class             string
}

type barChart struct {
	Width, Height, LabelW, BarH float64
	Inner                       float64 // the drawn height of a bar
	Bars                        []bar
	Empty                       string
}

type siteRow struct {
	Site                            string
	Severity, Status                string
	Documents                       int64
	Per1000, Removed, Bodiless, Med float64
	TopRule                         string
	Spark                           *sparkline
	Details                         []string
	Lines                           []summary.Line
}

type sparkline struct {
	Points     string
	LastX      float64
	LastY      float64
	Rising     bool
	Title      string
	W, H       float64
	AreaPoints string
}

type trendChart struct {
	W, H    float64
	Series  []trendSeries
	XLabels []axisLabel
	YLabels []axisLabel
}

type trendSeries struct {
	Name, Color, Points string
}

type axisLabel struct {
	X, Y   float64
	Text   string
	Anchor string
}

type driftRow struct {
	drift.Drift
	SeverityName string
}

type worstView struct {
	WorstFile
	Lines []diffLine
}

type diffLine struct {
	Class, Text string
}

var palette = []string{"#4f6bed", "#e8684a", "#2bb39b", "#f2b134", "#9b59b6", "#3fa7d6", "#e45b8f",
	"#7a9e3c", "#c97b2a", "#5d6d7e", "#1abc9c", "#d35400", "#8e44ad", "#27ae60"}

func build(in Input) *view {
	cur := in.Summaries[len(in.Summaries)-1]
	o := cur.Overall
	v := &view{Title: in.Title, Label: cur.Label, Created: cur.Created, Runs: len(in.Summaries), Drift: in.Drift}
	if v.Title == "" {
		v.Title = "newslint report"
	}
	for i, s := range in.Summaries {
		l := s.Label
		if l == "" {
			l = fmt.Sprintf("run %d", i+1)
		}
		v.RunLabels = append(v.RunLabels, l)
	}
	v.HasTrend = len(in.Summaries) > 1
	findings := o.FindingsTotal()
	v.Cards = []card{
		{Label: "Documents", Value: fmtNum(float64(o.Documents)), Note: fmt.Sprintf("%s in %s sites", fmtBytes(o.Bytes), fmtNum(float64(len(cur.Sites))))},
		{Label: "Findings", Value: fmtNum(float64(findings)), Note: fmt.Sprintf("%s per 1,000 documents", fmtNum(per1000(findings, o.Documents)))},
		{Label: "Characters --fix removes", Value: fmtPct(share(o.RemovedChars, o.Chars)), Note: fmt.Sprintf("%s of %s", fmtNum(float64(o.RemovedChars)), fmtNum(float64(o.Chars))),
			Tone: tone(share(o.RemovedChars, o.Chars), 0.05, 0.15)},
		{Label: "Without an article body", Value: fmtPct(share(o.Bodiless, o.Documents)), Note: fmt.Sprintf("%s documents; median article %s characters", fmtNum(float64(o.Bodiless)), fmtNum(o.ArticleLength.Quantile(0.5))),
			Tone: tone(share(o.Bodiless, o.Documents), 0.05, 0.2)},
	}
	if in.Drift != nil {
		drifted := 0
		for _, s := range in.Drift.Sites {
			if s.Severity >= drift.Warning {
				drifted++
			}
		}
		c := card{Label: "Sites drifted", Value: fmtNum(float64(drifted)), Note: fmt.Sprintf("since %s", orDefault(in.Drift.Old.Label, "the previous run")), Tone: "good"}
		if drifted > 0 {
			c.Tone = "bad"
		}
		v.Cards = append(v.Cards, c)
	}

	// rule colours follow the overall order, so a rule keeps its colour everywhere
	v.Rules = o.RuleNames()
	color := map[string]string{}
	for i, r := range v.Rules {
		color[r] = palette[i%len(palette)]
	}

	// findings per 1,000 documents by rule
	rc := barChart{Width: 540, LabelW: 130, BarH: 26, Inner: 17, Empty: "No findings."}
	maxRate := 0.0
	for _, r := range v.Rules {
		maxRate = max(maxRate, per1000(o.Rules[r].Findings, o.Documents))
	}
	for i, r := range v.Rules {
		rate := per1000(o.Rules[r].Findings, o.Documents)
		rc.Bars = append(rc.Bars, bar{Label: r, Value: fmtNum(rate), Y: float64(i) * rc.BarH, W: scale(rate, maxRate, rc.Width-rc.LabelW-70),
			Color: color[r], Tip: fmt.Sprintf("%s: %s findings in %s documents (%s of documents)", r, fmtNum(float64(o.Rules[r].Findings)),
				fmtNum(float64(o.Rules[r].Documents)), fmtPct(share(o.Rules[r].Documents, o.Documents)))})
	}
	rc.Height = float64(len(rc.Bars)) * rc.BarH
	v.RuleChart = rc

	// sites: the 15 with the largest share of characters --fix removes
	names := cur.SiteNames()
	sort.SliceStable(names, func(i, j int) bool {
		a, b := cur.Sites[names[i]], cur.Sites[names[j]]
		return share(a.RemovedChars, a.Chars) > share(b.RemovedChars, b.Chars)
	})
	sc := barChart{Width: 540, LabelW: 150, BarH: 26, Inner: 17, Empty: "No sites."}
	maxShare := 0.0
	for _, n := range names {
		maxShare = max(maxShare, share(cur.Sites[n].RemovedChars, cur.Sites[n].Chars))
	}
	for i, n := range names[:min(15, len(names))] {
		st := cur.Sites[n]
		sh := share(st.RemovedChars, st.Chars)
		b := bar{Label: n, Value: fmtPct(sh), Y: float64(i) * sc.BarH, W: scale(sh, maxShare, sc.Width-sc.LabelW-70), Color: "#4f6bed",
			Tip: fmt.Sprintf("%s: --fix removes %s of %s characters in %s documents", n, fmtNum(float64(st.RemovedChars)), fmtNum(float64(st.Chars)), fmtNum(float64(st.Documents)))}
		if in.Drift != nil {
			switch in.Drift.SiteSeverity(n) {
			case drift.Error:
				b.Color, b.Class = "#d64545", "sev-error"
			case drift.Warning:
				b.Color, b.Class = "#e29a2d", "sev-warning"
			}
		}
		sc.Bars = append(sc.Bars, b)
	}
	sc.Height = float64(len(sc.Bars)) * sc.BarH
	v.SiteChart = sc

	// the site table
	driftsBySite := map[string][]string{}
	if in.Drift != nil {
		for _, d := range in.Drift.Drifts {
			driftsBySite[d.Site] = append(driftsBySite[d.Site], d.Severity.String()+": "+d.Message)
		}
		for _, d := range in.Drift.Drifts {
			v.Drifts = append(v.Drifts, driftRow{Drift: d, SeverityName: d.Severity.String()})
		}
	}
	all := map[string]bool{}
	for _, n := range cur.SiteNames() {
		all[n] = true
	}
	if in.Drift != nil {
		for _, s := range in.Drift.Sites {
			all[s.Site] = true
		}
	}
	var siteNames []string
	for n := range all {
		siteNames = append(siteNames, n)
	}
	sort.Strings(siteNames)
	for _, n := range siteNames {
		st := cur.Sites[n]
		row := siteRow{Site: n, Severity: "none", Status: "same", Details: driftsBySite[n]}
		if in.Drift != nil {
			for _, s := range in.Drift.Sites {
				if s.Site == n {
					row.Severity, row.Status = s.Severity.String(), s.Status
				}
			}
		}
		if st != nil {
			row.Documents = st.Documents
			row.Per1000 = per1000(st.FindingsTotal(), st.Documents)
			row.Removed = share(st.RemovedChars, st.Chars)
			row.Bodiless = share(st.Bodiless, st.Documents)
			row.Med = st.ArticleLength.Quantile(0.5)
			if rn := st.RuleNames(); len(rn) > 0 {
				row.TopRule = rn[0]
			}
			if st.TemplateLines != nil {
				for _, l := range st.TemplateLines.List() {
					if len(row.Lines) == 5 || l.Documents < 2 {
						break
					}
					l.Share = share(l.Documents, st.Documents)
					row.Lines = append(row.Lines, l)
				}
			}
		}
		if v.HasTrend {
			row.Spark = spark(in.Summaries, n)
		}
		v.Sites = append(v.Sites, row)
	}
	if v.HasTrend {
		v.Trend = trend(in.Summaries, v.Rules, color)
	}
	for _, wf := range in.Worst {
		v.Worst = append(v.Worst, worstView{WorstFile: wf, Lines: diffLines(wf.Diff)})
	}
	return v
}

// spark draws a site's findings per 1,000 documents across the runs (gaps where the site was
// missing are bridged).
func spark(runs []*summary.Summary, site string) *sparkline {
	const w, h = 96.0, 24.0
	var xs, ys []float64
	var vals []string
	for i, s := range runs {
		st := s.Sites[site]
		if st == nil || st.Documents == 0 {
			vals = append(vals, "–")
			continue
		}
		r := per1000(st.FindingsTotal(), st.Documents)
		xs = append(xs, float64(i))
		ys = append(ys, r)
		vals = append(vals, fmtNum(r))
	}
	if len(xs) == 0 {
		return nil
	}
	top := 0.0
	for _, y := range ys {
		top = max(top, y)
	}
	sp := &sparkline{W: w, H: h, Title: "findings per 1,000 documents by run: " + strings.Join(vals, " → ")}
	var pts []string
	firstX := 0.0
	for i := range xs {
		x := 3 + (w-6)*xs[i]/math.Max(1, float64(len(runs)-1))
		y := h - 3 - (h-6)*scale(ys[i], top, 1)
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		if i == 0 {
			firstX = x
		}
		sp.LastX, sp.LastY = x, y
	}
	sp.Points = strings.Join(pts, " ")
	sp.AreaPoints = fmt.Sprintf("%s %.1f,%.1f %.1f,%.1f", sp.Points, sp.LastX, h, firstX, h)
	sp.Rising = len(ys) > 1 && ys[len(ys)-1] > ys[0]*1.5 && ys[len(ys)-1]-ys[0] > 100
	return sp
}

// trend draws the findings per 1,000 documents of the most frequent rules across the runs.
func trend(runs []*summary.Summary, rules []string, color map[string]string) *trendChart {
	const w, h, left, bottom = 1100.0, 190.0, 56.0, 24.0
	t := &trendChart{W: w, H: h}
	rules = rules[:min(6, len(rules))]
	top := 0.0
	for _, s := range runs {
		for _, r := range rules {
			if x := s.Overall.Rules[r]; x != nil {
				top = max(top, per1000(x.Findings, s.Overall.Documents))
			}
		}
	}
	top = niceCeil(top)
	xAt := func(i int) float64 { return left + (w-left-16)*float64(i)/math.Max(1, float64(len(runs)-1)) }
	yAt := func(v float64) float64 { return h - bottom - (h-bottom-10)*scale(v, top, 1) }
	for _, r := range rules {
		var pts []string
		for i, s := range runs {
			v := 0.0
			if x := s.Overall.Rules[r]; x != nil {
				v = per1000(x.Findings, s.Overall.Documents)
			}
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xAt(i), yAt(v)))
		}
		t.Series = append(t.Series, trendSeries{Name: r, Color: color[r], Points: strings.Join(pts, " ")})
	}
	for i, s := range runs {
		l := s.Label
		if l == "" {
			l = fmt.Sprintf("run %d", i+1)
		}
		anchor := "middle"
		switch i {
		case 0:
			anchor = "start"
		case len(runs) - 1:
			anchor = "end"
		}
		t.XLabels = append(t.XLabels, axisLabel{X: xAt(i), Y: h - 6, Text: l, Anchor: anchor})
	}
	for _, f := range []float64{0, 0.5, 1} {
		t.YLabels = append(t.YLabels, axisLabel{X: left - 6, Y: yAt(top * f), Text: fmtNum(top * f)})
	}
	return t
}

func diffLines(d string) []diffLine {
	var out []diffLine
	for _, l := range strings.Split(strings.TrimRight(d, "\n"), "\n") {
		c := "ctx"
		switch {
		case strings.HasPrefix(l, "+++"), strings.HasPrefix(l, "---"):
			c = "file"
		case strings.HasPrefix(l, "@@"):
			c = "hunk"
		case strings.HasPrefix(l, "+"):
			c = "add"
		case strings.HasPrefix(l, "-"):
			c = "del"
		}
		out = append(out, diffLine{Class: c, Text: l})
	}
	return out
}

func niceCeil(x float64) float64 {
	if x <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= x {
			return m * p
		}
	}
	return 10 * p
}

func scale(v, top, width float64) float64 {
	if top <= 0 {
		return 0
	}
	return width * v / top
}

func share(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func per1000(n, docs int64) float64 { return 1000 * share(n, docs) }

func tone(x, warn, bad float64) string {
	switch {
	case x >= bad:
		return "bad"
	case x >= warn:
		return "warn"
	}
	return "good"
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// fmtNum writes a number with thousands separators, one decimal below 100.
func fmtNum(x float64) string {
	neg := x < 0
	x = math.Abs(x)
	var s string
	if x < 100 && x != math.Trunc(x) {
		s = fmt.Sprintf("%.1f", x)
	} else {
		s = fmt.Sprintf("%.0f", x)
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

func fmtPct(x float64) string {
	if x > 0 && x < 0.001 {
		return "<0.1%"
	}
	return fmt.Sprintf("%.1f%%", 100*x)
}

func fmtBytes(n int64) string {
	units := []string{"B", "kB", "MB", "GB", "TB"}
	f := float64(n)
	i := 0
	for f >= 1000 && i < len(units)-1 {
		f /= 1000
		i++
	}
	if i == 0 {
		return fmt.Sprintf("%d B", n)
	}
	return fmt.Sprintf("%.1f %s", f, units[i])
}

func toFloat(x any) float64 {
	switch v := x.(type) {
	case int:
		return float64(v)
	case int64:
		return float64(v)
	case float64:
		return v
	}
	return math.NaN()
}
