//go:build !linux

package engine

// fastOpen is only written for Linux; elsewhere files are opened with os.Open.
var fastOpen func(path string) (rawFile, int64, error)
