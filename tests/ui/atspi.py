"""A small AT-SPI client, as a screen reader talks to the kiosk: plain D-Bus calls.

It asks the session bus for the accessibility bus (``org.a11y.Bus.GetAddress``),
finds the kiosk under the registry's desktop and walks its tree with
``org.a11y.atspi.Accessible`` (``ChildCount``, ``GetChildAtIndex``, ``GetRole``,
``GetState``, ``AccessibleId``). Every call has a timeout, so a kiosk that died
shows up as :class:`NoAnswer` instead of a hung test.
"""

from __future__ import annotations

import time
from typing import Any

from jeepney import DBusAddress, MessageType, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

ACCESSIBLE = "org.a11y.atspi.Accessible"
PROPERTIES = "org.freedesktop.DBus.Properties"
REGISTRY = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
NULL_PATH = "/org/a11y/atspi/null"
STATE_SHOWING = 25  # bit in the first word of GetState

Node = tuple[str, str]  # bus name, object path


class NoAnswer(Exception):
    """The application did not answer a call in time."""


def accessibility_bus(session_address: str, timeout: float) -> str:
    """The accessibility bus's address, once the bus launcher has registered."""
    deadline = time.monotonic() + timeout
    with open_dbus_connection(session_address) as session:
        while True:
            call = new_method_call(
                DBusAddress("/org/a11y/bus", "org.a11y.Bus", "org.a11y.Bus"), "GetAddress"
            )
            reply = session.send_and_get_reply(call, timeout=2)
            if reply.header.message_type == MessageType.method_return:
                return str(reply.body[0])
            if time.monotonic() > deadline:
                raise TimeoutError("no accessibility bus on the session bus")
            time.sleep(0.1)


class Client:
    def __init__(self, address: str, call_timeout: float = 3.0) -> None:
        self.connection: DBusConnection = open_dbus_connection(address)
        self.call_timeout = call_timeout

    def close(self) -> None:
        self.connection.close()

    def call(
        self, node: Node, interface: str, method: str, signature: str | None = None, *args: Any
    ) -> tuple[Any, ...] | None:
        """The reply's body, or None for a D-Bus error (an object that is gone)."""
        message = new_method_call(DBusAddress(node[1], node[0], interface), method, signature, args)
        try:
            reply = self.connection.send_and_get_reply(message, timeout=self.call_timeout)
        except TimeoutError as error:
            raise NoAnswer(f"{method} on {node[1]}") from error
        if reply.header.message_type == MessageType.error:
            return None
        return tuple(reply.body)

    def prop(self, node: Node, name: str) -> Any:
        body = self.call(node, PROPERTIES, "Get", "ss", ACCESSIBLE, name)
        return None if body is None else body[0][1]

    def child_count(self, node: Node) -> int:
        return int(self.prop(node, "ChildCount") or 0)

    def child(self, node: Node, index: int) -> Node | None:
        body = self.call(node, ACCESSIBLE, "GetChildAtIndex", "i", index)
        if body is None or body[0][1] == NULL_PATH:
            return None
        return (str(body[0][0]), str(body[0][1]))

    def role(self, node: Node) -> int | None:
        body = self.call(node, ACCESSIBLE, "GetRole")
        return None if body is None else int(body[0])

    def showing(self, node: Node) -> bool:
        body = self.call(node, ACCESSIBLE, "GetState")
        return body is not None and bool(body[0][0] & (1 << STATE_SHOWING))

    def press(self, node: Node) -> bool:
        body = self.call(node, "org.a11y.atspi.Action", "DoAction", "i", 0)
        return bool(body and body[0])

    def application(self, name: str, timeout: float) -> Node:
        """The application ``name`` under the desktop, once it has registered."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            body = self.call(REGISTRY, ACCESSIBLE, "GetChildren")
            for bus_name, path in body[0] if body else []:
                app = (str(bus_name), str(path))
                try:
                    if self.prop(app, "Name") == name:
                        return app
                except NoAnswer:
                    pass
            time.sleep(0.2)
        raise TimeoutError(f"{name} never appeared on the accessibility bus")


class Walker:
    """Walks the whole tree and remembers what it saw, to ask for it again later."""

    def __init__(self, client: Client, app: Node) -> None:
        self.client = client
        self.app = app
        self.most_children: dict[Node, int] = {}  # every parent, with the most children seen
        self.seen: set[Node] = set()
        self.shown: dict[str, Node] = {}  # accessible id -> node, for what is on screen now
        self.stale_asked = 0

    def walk(self) -> None:
        self.shown = {}
        self._walk(self.app, 0)

    def _walk(self, node: Node, depth: int) -> None:
        self.seen.add(node)
        count = self.client.child_count(node)
        if count:
            self.most_children[node] = max(self.most_children.get(node, 0), count)
        ident = self.client.prop(node, "AccessibleId")
        named = bool(ident) and "." in ident and not ident.startswith("QApplication")
        if named and self.client.showing(node):
            self.shown[ident] = node
        if depth > 30:
            return
        for index in range(count):
            child = self.client.child(node, index)
            if child is not None:
                self._walk(child, depth + 1)

    def ask_again(self) -> None:
        """Every child index and every object seen before, as a screen reader's cache does."""
        for node, most in list(self.most_children.items()):
            for index in range(most):
                self.client.child(node, index)
                self.stale_asked += 1
        for node in list(self.seen):
            self.client.role(node)

    def wait_shown(self, ident: str, timeout: float) -> Node:
        deadline = time.monotonic() + timeout
        while True:
            self.walk()
            if ident in self.shown:
                return self.shown[ident]
            if time.monotonic() > deadline:
                raise TimeoutError(f"{ident} not on screen; shown: {sorted(self.shown)}")
            time.sleep(0.1)
