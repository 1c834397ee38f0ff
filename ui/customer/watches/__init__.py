"""The kiosk's background watches: catalogue and branch settings, printer, database."""
