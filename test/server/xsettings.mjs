// A minimal XSETTINGS manager (freedesktop XSETTINGS spec) spoken over the raw X11 protocol, so WebKitGTK
// under Xvfb can be told "the user prefers reduced motion": WebKitGTK answers `prefers-reduced-motion` from
// GTK's gtk-enable-animations, which GTK takes from the XSETTINGS value Gtk/EnableAnimations, live.
// No dependency: X11 requests are a few fixed binary layouts on the display's Unix socket.
import { connect } from 'node:net';

const pad4 = (n) => (4 - (n % 4)) % 4;

/** One little-endian X11 client connection with sequential replies. */
class X11 {
  static async open(display) {
    const number = /^:(\d+)/.exec(display)?.[1];
    if (number === undefined) throw new Error(`XSETTINGS: cannot parse DISPLAY ${display}`);
    const x = new X11(connect(`/tmp/.X11-unix/X${number}`));
    await x.setup();
    return x;
  }

  constructor(socket) {
    this.socket = socket;
    this.buffer = Buffer.alloc(0);
    this.waiters = [];
    this.sequence = 0;
    this.nextId = 0;
    socket.on('data', (data) => {
      this.buffer = Buffer.concat([this.buffer, data]);
      this.drain();
    });
    socket.on('error', (error) => {
      for (const w of this.waiters.splice(0)) w.reject(error);
    });
  }

  drain() {
    while (this.waiters.length) {
      const waiter = this.waiters[0];
      const size = waiter.size(this.buffer);
      if (size === undefined || this.buffer.length < size) return;
      const chunk = this.buffer.subarray(0, size);
      this.buffer = this.buffer.subarray(size);
      if (waiter.skip?.(chunk)) continue; // an event or an error of a request without reply
      this.waiters.shift();
      waiter.resolve(chunk);
    }
  }

  read(size, skip) {
    return new Promise((resolve, reject) => {
      this.waiters.push({ size, resolve, reject, skip });
      this.drain();
    });
  }

  async setup() {
    const hello = Buffer.alloc(12);
    hello.write('l', 0); // little-endian
    hello.writeUInt16LE(11, 2);
    this.socket.write(hello);
    const reply = await this.read((b) => (b.length < 8 ? undefined : 8 + b.readUInt16LE(6) * 4));
    if (reply[0] !== 1) throw new Error(`X11 connection refused: ${reply.subarray(8, 8 + reply[1]).toString()}`);
    this.idBase = reply.readUInt32LE(12);
    const vendorLength = reply.readUInt16LE(24);
    const formats = reply[29];
    const screens = 40 + vendorLength + pad4(vendorLength) + formats * 8;
    this.root = reply.readUInt32LE(screens);
  }

  /** Sends a request; a reply, when the request has one, is read with `reply()`. */
  request(opcode, data, byte1 = 0) {
    const head = Buffer.alloc(4);
    head[0] = opcode;
    head[1] = byte1;
    head.writeUInt16LE((4 + data.length) / 4, 2);
    this.socket.write(Buffer.concat([head, data]));
    return ++this.sequence;
  }

  /** The reply (type 1) to a request, skipping events; an X error (type 0) rejects. */
  async reply() {
    const chunk = await this.read(
      (b) => (b.length < 32 ? undefined : b[0] === 1 ? 32 + b.readUInt32LE(4) * 4 : 32),
      (c) => c[0] > 1,
    );
    if (chunk[0] === 0) throw new Error(`X11 error ${chunk[1]}`);
    return chunk;
  }

  async atom(name) {
    const data = Buffer.alloc(4 + name.length + pad4(name.length));
    data.writeUInt16LE(name.length, 0);
    data.write(name, 4, 'latin1');
    this.request(16, data, 0); // InternAtom
    return (await this.reply()).readUInt32LE(8);
  }

  async selectionOwner(atom) {
    const data = Buffer.alloc(4);
    data.writeUInt32LE(atom, 0);
    this.request(23, data); // GetSelectionOwner
    return (await this.reply()).readUInt32LE(8);
  }

  /** A round trip, so every earlier request has been processed. */
  sync() {
    return this.selectionOwner(1); // PRIMARY: any request with a reply will do
  }

  changeProperty(window, property, type, bytes) {
    const data = Buffer.alloc(20 + bytes.length + pad4(bytes.length));
    data.writeUInt32LE(window, 0);
    data.writeUInt32LE(property, 4);
    data.writeUInt32LE(type, 8);
    data[12] = 8; // format
    data.writeUInt32LE(bytes.length, 16);
    bytes.copy(data, 20);
    this.request(18, data, 0); // ChangeProperty, Replace
  }

  close() {
    this.socket.destroy();
  }
}

/** The _XSETTINGS_SETTINGS property: integer settings only. */
function encodeSettings(serial, settings) {
  const parts = [];
  const head = Buffer.alloc(12);
  head[0] = 0; // LSBFirst
  head.writeUInt32LE(serial, 4);
  head.writeUInt32LE(Object.keys(settings).length, 8);
  parts.push(head);
  for (const [name, value] of Object.entries(settings)) {
    const entry = Buffer.alloc(4 + name.length + pad4(name.length) + 8);
    entry[0] = 0; // XSettingsTypeInteger
    entry.writeUInt16LE(name.length, 2);
    entry.write(name, 4, 'latin1');
    const at = 4 + name.length + pad4(name.length);
    entry.writeUInt32LE(serial, at);
    entry.writeInt32LE(value, at + 4);
    parts.push(entry);
  }
  return Buffer.concat(parts);
}

const initial = { 'Gtk/EnableAnimations': 1 };

/**
 * Becomes the XSETTINGS manager of screen 0 on `display` (start it before the browser). Keeps the
 * connection open: the selection, and so the settings, last as long as it does. Returns { close }.
 */
export async function startXSettingsManager(display) {
  const x = await X11.open(display);
  const [selection, settingsAtom, manager] = [
    await x.atom('_XSETTINGS_S0'),
    await x.atom('_XSETTINGS_SETTINGS'),
    await x.atom('MANAGER'),
  ];
  const window = x.idBase | 1;
  const create = Buffer.alloc(28);
  create.writeUInt32LE(window, 0);
  create.writeUInt32LE(x.root, 4);
  create.writeUInt16LE(1, 12); // width
  create.writeUInt16LE(1, 14); // height
  create.writeUInt16LE(2, 18); // InputOnly
  x.request(1, create, 0); // CreateWindow, depth 0 (InputOnly)
  x.changeProperty(window, settingsAtom, settingsAtom, encodeSettings(1, initial));
  const own = Buffer.alloc(12);
  own.writeUInt32LE(window, 0);
  own.writeUInt32LE(selection, 4);
  x.request(22, own); // SetSelectionOwner, CurrentTime
  // Announce the new manager to clients already running (ClientMessage MANAGER on the root window).
  const event = Buffer.alloc(32);
  event[0] = 33;
  event[1] = 32;
  event.writeUInt32LE(x.root, 4);
  event.writeUInt32LE(manager, 8);
  event.writeUInt32LE(0, 12);
  event.writeUInt32LE(selection, 16);
  event.writeUInt32LE(window, 20);
  const send = Buffer.alloc(8 + 32);
  send.writeUInt32LE(x.root, 0);
  send.writeUInt32LE(0x20000, 4); // StructureNotifyMask
  event.copy(send, 8);
  x.request(25, send, 0); // SendEvent
  if ((await x.selectionOwner(selection)) !== window) throw new Error('XSETTINGS: another manager owns _XSETTINGS_S0');
  return { close: () => x.close() };
}

let serial = Math.floor(Date.now() / 1000) % 1_000_000;

/** Changes the running manager's integer settings (from any process), e.g. { 'Gtk/EnableAnimations': 0 }. */
export async function setXSettings(display, settings) {
  const x = await X11.open(display);
  try {
    const selection = await x.atom('_XSETTINGS_S0');
    const settingsAtom = await x.atom('_XSETTINGS_SETTINGS');
    const owner = await x.selectionOwner(selection);
    if (!owner) throw new Error(`XSETTINGS: no manager on ${display}`);
    serial += 1;
    x.changeProperty(owner, settingsAtom, settingsAtom, encodeSettings(serial, { ...initial, ...settings }));
    await x.sync();
  } finally {
    x.close();
  }
}
