package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/newslint/newslint/finding"
)

// junitReporter writes JUnit XML: one test case per file. As the exit code does, only findings
// at or above --fail-on fail a test case (one <failure> each); findings below it are listed in
// the test case's <system-out>, so a run that exits 0 never shows a failed test.
type junitReporter struct {
	w     io.Writer
	o     Options
	cases []junitCase
	fails int
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
	Error     *junitFailure  `xml:"error,omitempty"`
	SystemOut string         `xml:"system-out,omitempty"`
}

func (j *junitReporter) File(r *finding.Result) error {
	c := junitCase{Name: r.File.Path(), Classname: "newslint"}
	var below strings.Builder
	for i := range r.Findings {
		f := &r.Findings[i]
		line := fmt.Sprintf("%s:%d:%d: %s [%s] %s", f.Loc.String(), f.Line, f.Col, f.Severity, f.Rule, f.Message)
		if f.Severity < j.o.FailOn {
			below.WriteString(line)
			below.WriteByte('\n')
			continue
		}
		c.Failures = append(c.Failures, junitFailure{
			Message: fmt.Sprintf("%d:%d: %s", f.Line, f.Col, f.Message),
			Type:    f.Rule,
			Text:    line,
		})
	}
	c.SystemOut = below.String()
	if len(r.Errors) > 0 {
		var msgs []string
		for _, e := range r.Errors {
			msgs = append(msgs, e.Error())
		}
		c.Error = &junitFailure{Message: msgs[0], Type: "error", Text: strings.Join(msgs, "\n")}
	}
	j.fails += len(c.Failures)
	if r.Part > 0 && len(j.cases) > 0 { // a later part of the same file
		last := &j.cases[len(j.cases)-1]
		last.Failures = append(last.Failures, c.Failures...)
		last.SystemOut += c.SystemOut
		if c.Error != nil {
			last.Error = c.Error
		}
		return nil
	}
	j.cases = append(j.cases, c)
	return nil
}

func (j *junitReporter) Finish(s *Summary) error {
	type suite struct {
		XMLName  xml.Name    `xml:"testsuite"`
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Cases    []junitCase `xml:"testcase"`
	}
	out := struct {
		XMLName xml.Name `xml:"testsuites"`
		Suite   suite
	}{Suite: suite{Name: "newslint", Tests: len(j.cases), Failures: j.fails, Errors: s.FilesWithError, Cases: j.cases}}
	return writeXML(j.w, out)
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// checkstyleReporter writes Checkstyle XML, which many CI tools render.
type checkstyleReporter struct {
	w     io.Writer
	files []csFile
}

type csError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

type csFile struct {
	Name   string    `xml:"name,attr"`
	Errors []csError `xml:"error"`
}

func (c *checkstyleReporter) File(r *finding.Result) error {
	if len(r.Findings) == 0 {
		return nil
	}
	f := csFile{Name: r.File.Path()}
	for i := range r.Findings {
		x := &r.Findings[i]
		line, col, _, _ := x.FileSpan()
		f.Errors = append(f.Errors, csError{line, col, x.Severity.String(), x.Message, "newslint." + x.Rule})
	}
	c.files = append(c.files, f)
	return nil
}

func (c *checkstyleReporter) Finish(*Summary) error {
	return writeXML(c.w, struct {
		XMLName xml.Name `xml:"checkstyle"`
		Version string   `xml:"version,attr"`
		Files   []csFile `xml:"file"`
	}{Version: "4.3", Files: c.files})
}
