// Preloaded with `node --require` in the privacy test: every way Node offers to reach the
// network throws, so a run that still succeeds has opened no connection.
"use strict";
const refuse = (what) => () => {
  throw new Error(`network access attempted: ${what}`);
};
const net = require("node:net");
const tls = require("node:tls");
const dns = require("node:dns");
const dgram = require("node:dgram");
const http = require("node:http");
const https = require("node:https");
const http2 = require("node:http2");

net.Socket.prototype.connect = refuse("net.Socket.connect");
net.connect = net.createConnection = refuse("net.connect");
tls.connect = refuse("tls.connect");
dns.lookup = dns.resolve = refuse("dns");
dns.promises.lookup = dns.promises.resolve = refuse("dns.promises");
dgram.createSocket = refuse("dgram.createSocket");
http.request = http.get = refuse("http.request");
https.request = https.get = refuse("https.request");
http2.connect = refuse("http2.connect");
globalThis.fetch = refuse("fetch");
globalThis.WebSocket = refuse("WebSocket");
