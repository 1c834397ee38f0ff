"""``kiosk messenger``: the relay that sends the SMS outbox through a gateway."""
