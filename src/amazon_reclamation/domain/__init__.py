"""Pure decisions over a complaint: contacts, deadlines, escalation steps, letters."""
