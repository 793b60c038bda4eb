// A client written to the seed spec's realtime protocol, with the real socket.io-client: connects to the
// gateway's /chat namespace with auth.token, joins a session, sends one message and prints what comes back
// as JSON lines ({event, data, transport}). Settings come from the environment:
// GATEWAY, TOKEN, SESSION_ID, MESSAGE, TRANSPORTS ("default", "polling" or "websocket").
const { io } = require("socket.io-client");

const options = { auth: { token: process.env.TOKEN }, reconnection: false, timeout: 10000 };
if (process.env.TRANSPORTS === "websocket") {
  options.transports = ["websocket"];
} else if (process.env.TRANSPORTS === "polling") {
  options.transports = ["polling"];
}

const socket = io(process.env.GATEWAY + "/chat", options);
const transport = () => (socket.io.engine && socket.io.engine.transport ? socket.io.engine.transport.name : null);
const print = (event, data) => console.log(JSON.stringify({ event, data: data === undefined ? null : data, transport: transport() }));
const finish = (code) => {
  clearTimeout(deadline);
  socket.close();
  process.exit(code);
};
const deadline = setTimeout(() => {
  print("timeout");
  finish(2);
}, 90000);

let sent = false;
socket.io.on("open", () => socket.io.engine.on("upgrade", (upgraded) => print("upgrade", { name: upgraded.name })));
socket.on("connect", () => {
  print("connect");
  socket.emit("join_session", { session_id: process.env.SESSION_ID });
});
socket.on("connect_error", (error) => {
  print("connect_error", { message: error.message });
  finish(0);
});
socket.on("presence", (data) => {
  print("presence", data);
  if (!sent) {
    sent = true;
    socket.emit("user_message", { session_id: process.env.SESSION_ID, content: process.env.MESSAGE }, (ack) =>
      print("ack", ack),
    );
  }
});
socket.on("typing", (data) => print("typing", data));
socket.on("assistant_token", (data) => print("assistant_token", data));
socket.on("error", (data) => print("error", data));
socket.on("disconnect", (reason) => print("disconnect", { reason }));
socket.on("assistant_done", (data) => {
  print("assistant_done", data);
  finish(0);
});
