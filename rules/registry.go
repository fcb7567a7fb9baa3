package rules

import "github.com/newslint/newslint/lint"

// Builtins returns the built-in rules in the order they run and are listed.
func Builtins() []lint.Rule {
	return []lint.Rule{
		SpamHeader{},
		VoteWidget{},
		NavLeak{},
		NameSpelling{},
		NameConsistency{},
		GluedWord{},
		PageChrome{},
		PageTitle{},
		Byline{},
		Caption{},
		TagList{},
		PromptLine{},
		LegalNotice{},
		CommentWidget{},
		TableDebris{},
		TemplateLine{},
	}
}
