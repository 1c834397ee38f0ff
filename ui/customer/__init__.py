"""The customer kiosk. ``app.py`` assembles it: look → window → (after the first
paint) settings → database → services → printer → screens and watches."""
