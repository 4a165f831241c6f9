"""Staff dashboard panels, reports and charts across every app."""
