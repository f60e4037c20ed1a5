package story

import (
	"github.com/rasad/rasad"
)

// multilateral are the sectors of bodies whose sessions are held by their
// members' envoys (the recognizer's sector of an organization).
var multilateral = map[string]bool{"intl": true, "regional": true, "alliance": true}

// diplomatic are the sectors of roles that sit in such a session
// (ambassadors, envoys, delegates, the body's own officials).
var diplomatic = map[string]bool{"diplomatic": true, "intl": true}

// maxSessionMembers bounds how many envoys a session takes from its
// article.
const maxSessionMembers = 4

// sessionMembers: a dated session of a multilateral body (مجلس الأمن عقد
// جلسة …) that names no one else takes as participants the envoys and
// officials the same article names with their role (السفير السويدي فلان),
// who speak at it. It returns events with new participant slices where it
// added some; the article's own slices are not touched. One pass over the
// article's mentions and events.
func sessionMembers(ms []rasad.Mention, evs []rasad.EventMention) []rasad.EventMention {
	bodies := map[string]bool{}
	var envoys []rasad.Participant
	seen := map[string]bool{}
	for _, m := range ms {
		switch {
		case m.Type == "ORG" && multilateral[m.Sector]:
			bodies[m.Key] = true
		case m.Type == "PERSON" && m.Role != "" && diplomatic[m.Sector] && !seen[m.Key] && len(envoys) < maxSessionMembers:
			seen[m.Key] = true
			envoys = append(envoys, rasad.Participant{Type: "PERSON", Key: m.Key, Name: m.Text})
		}
	}
	if len(bodies) == 0 || len(envoys) == 0 {
		return evs
	}
	var out []rasad.EventMention
	for i, em := range evs {
		if em.Type != "CONSULT" || em.Date == "" || em.Status == "planned" || em.Status == "negated" || em.Status == "cancelled" {
			continue
		}
		body, others := false, 0
		for _, p := range em.Participants {
			switch {
			case p.Type == "ORG" && bodies[p.Key]:
				body = true
			default:
				others++
			}
		}
		if !body || others > 0 {
			continue
		}
		if out == nil {
			out = append([]rasad.EventMention(nil), evs...)
		}
		out[i].Participants = append(append([]rasad.Participant(nil), em.Participants...), envoys...)
	}
	if out == nil {
		return evs
	}
	return out
}
