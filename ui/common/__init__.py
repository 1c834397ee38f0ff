"""What every app shares: nothing here imports an app folder (``ui/customer``,
``ui/admin``, ``ui/console``, ``ui/display``)."""
