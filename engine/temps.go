package engine

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newslint/newslint/input"
)

// Temporary files are named TempPrefix + "p" + the writing process's id + "-" + the file's name
// + "-" + random digits, so that a later run can tell those of a process that is gone (killed)
// and remove them.

// staleAge is how old a temporary file without a process id (of an older newslint) must be for
// a run to remove it.
const staleAge = time.Hour

var temps = struct {
	sync.Mutex
	live    map[string]bool // temporary files this process is writing
	cleaned map[string]bool // directories whose stale temporary files were removed
	closed  bool            // RemoveTemps ran: no more temporary files
}{live: map[string]bool{}, cleaned: map[string]bool{}}

// createTemp creates a temporary file for base in dir, first removing the stale temporary files
// of dead runs there, and registers it so that RemoveTemps can remove it.
func createTemp(dir, base string) (*os.File, error) {
	removeStale(dir)
	// created under the lock: a file created outside it could appear just after RemoveTemps
	// ran, with the process exiting before anyone removed it
	temps.Lock()
	defer temps.Unlock()
	if temps.closed {
		return nil, errors.New("the run is being interrupted")
	}
	f, err := os.CreateTemp(dir, input.TempPrefix+"p"+strconv.Itoa(os.Getpid())+"-"+base+"-*")
	if err != nil {
		return nil, err
	}
	temps.live[f.Name()] = true
	return f, nil
}

// dropTemp forgets a temporary file that was renamed or removed.
func dropTemp(name string) {
	temps.Lock()
	delete(temps.live, name)
	temps.Unlock()
}

// RemoveTemps removes the temporary files this process is writing, for a run interrupted by a
// signal: the files they were to replace stay as they were. It returns how many it removed.
func RemoveTemps() int {
	temps.Lock()
	defer temps.Unlock()
	temps.closed = true
	n := 0
	for name := range temps.live {
		if os.Remove(name) == nil {
			n++
		}
		delete(temps.live, name)
	}
	return n
}

// removeStale removes, once per run and directory, the temporary files a killed newslint left
// in dir: those named with the id of a process that no longer runs, and those of older
// versions (without an id) older than staleAge. Temporary files of running processes stay.
func removeStale(dir string) {
	temps.Lock()
	if temps.cleaned[dir] {
		temps.Unlock()
		return
	}
	temps.cleaned[dir] = true
	temps.Unlock()
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		name := e.Name()
		if !strings.HasPrefix(name, input.TempPrefix) || !e.Type().IsRegular() {
			continue
		}
		rest := name[len(input.TempPrefix):]
		if pid, ok := tempPid(rest); ok {
			if pid != os.Getpid() && !processAlive(pid) {
				os.Remove(filepath.Join(dir, name))
			}
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > staleAge {
			os.Remove(filepath.Join(dir, name))
		}
	}
}

// tempPid reads the process id of a temporary file's name (after the prefix): "p123-...".
func tempPid(rest string) (int, bool) {
	if !strings.HasPrefix(rest, "p") {
		return 0, false
	}
	digits, _, ok := strings.Cut(rest[1:], "-")
	if !ok {
		return 0, false
	}
	pid, err := strconv.Atoi(digits)
	return pid, err == nil && pid > 0
}
