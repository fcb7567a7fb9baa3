package cli

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/input"
)

// shardOf parses --shard I/N (1 <= I <= N); zero N means no sharding.
func shardOf(s string) (i, n int, err error) {
	if s == "" {
		return 0, 0, nil
	}
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return 0, 0, fmt.Errorf("--shard: want I/N with 1 <= I <= N (shard 2 of 7: 2/7), got %q", s)
	}
	return i, n, nil
}

// inShard reports whether the file at rel (its root-relative path) belongs to shard i of n:
// files are dealt by a hash of that path, so every machine splits a corpus the same way
// whatever the order or form of the paths it was given.
func inShard(rel string, i, n int) bool {
	h := fnv.New64a()
	h.Write([]byte(rel))
	return int(h.Sum64()%uint64(n)) == i-1
}

// shardFiles keeps the files of the shard --shard names (all without it).
func shardFiles(o *options, files []input.File) ([]input.File, error) {
	i, n, err := shardOf(o.shard)
	if err != nil || n == 0 {
		return files, err
	}
	var out []input.File
	for _, f := range files {
		if inShard(f.Rel(), i, n) {
			out = append(out, f)
		}
	}
	return out, nil
}

// cmdStatsMerge is `newslint stats merge [-o FILE] [--prune] PART...`: it adds up the stats of
// shards (JSON or binary) into one file for --corpus-stats; --prune then drops the counts that
// cannot produce a finding under the configuration.
func cmdStatsMerge(o *options, parts []string, env Env) int {
	if len(parts) == 0 {
		return errorf(env, "stats merge: name the stats files to merge")
	}
	total := corpus.New()
	for _, p := range parts {
		s, err := corpus.ReadFiles([]string{p})
		if err != nil {
			return errorf(env, "stats merge: %v", err)
		}
		if s.Pruned {
			return errorf(env, "stats merge: %s is pruned (final): merge the unpruned parts instead", p)
		}
		total.Merge(s)
	}
	if o.prune {
		cfg, err := loadConfig(o, env)
		if err != nil {
			return errorf(env, "%v", err)
		}
		cfg.Prune(total)
	}
	if o.output == "" {
		if err := total.Write(env.Stdout); err != nil {
			return errorf(env, "%v", err)
		}
		return ExitClean
	}
	if err := total.WriteFile(o.output); err != nil {
		return errorf(env, "%v", err)
	}
	return ExitClean
}
