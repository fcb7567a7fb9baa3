package input

// Parts returns the bytes a unit is made of: what precedes a record (the separators of a JSON
// array), its own bytes (a whole unit's content, or the record as read) and its line terminator.
// Concatenating the parts of all units of a file, in order, gives the file back.
func (u *Unit) Parts() (gap, raw, term []byte) {
	if !u.isRecord {
		return nil, u.whole, nil
	}
	return u.gap, u.raw, u.term
}

// NewUnit rebuilds a unit from its locator and parts (as Parts returns them): a whole unit when
// record is false, else one record, whose text is read from the first present of fields. A
// record with a nil raw is only a gap (what follows the last element of a JSON array).
func NewUnit(loc Locator, gap, raw, term []byte, record bool, fields []string) *Unit {
	if !record {
		loc.Record, loc.Line = 0, 0
		return &Unit{Loc: loc, whole: raw}
	}
	loc.ID = ""
	return &Unit{Loc: loc, gap: gap, raw: raw, term: term, isRecord: true, fields: fields}
}
