/*
 * ContactHub web chat widget. Embed with:
 *   <script src="https://HUB/webchat/widget.js" data-channel-key="KEY" async></script>
 * Plain JavaScript, no framework. Talks to the hub's visitor SignalR hub (/webchat/hub) with the JSON hub protocol over
 * a WebSocket, and to /webchat/api over fetch. Everything a customer or an agent wrote is put on the page with
 * textContent, never parsed as HTML. The UI lives in a shadow root, so the host page's CSS and the widget's cannot collide.
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[data-channel-key]');
  if (!script || window.__contactHubWebChat) {
    return;
  }
  window.__contactHubWebChat = true;

  var channelKey = script.getAttribute('data-channel-key') || '';
  var hubOrigin = new URL(script.src, location.href).origin;
  var storageKey = 'contacthub.webchat:' + hubOrigin + ':' + channelKey;
  var RS = '\u001e';
  var TYPING_EVERY_MS = 2000;
  var AGENT_TYPING_SHOWN_MS = 4000;

  // ---- storage ---------------------------------------------------------------------------------------------------
  function load() {
    try { return JSON.parse(localStorage.getItem(storageKey) || '{}') || {}; } catch (e) { return {}; }
  }
  function save(patch) {
    var value = load();
    Object.keys(patch).forEach(function (k) { value[k] = patch[k]; });
    try { localStorage.setItem(storageKey, JSON.stringify(value)); } catch (e) { /* private mode: the chat still works for this page */ }
  }
  function forget() {
    try { localStorage.removeItem(storageKey); } catch (e) { /* nothing stored */ }
  }

  function newId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  // ---- a minimal SignalR client: JSON hub protocol v1 over one WebSocket, without negotiation ----------------------
  function HubConnection(url, handlers, onState) {
    this.url = url.replace(/^http/, 'ws');
    this.handlers = handlers;
    this.onState = onState;
    this.pending = {};
    this.nextId = 1;
    this.socket = null;
    this.open = false;
    this.stopped = false;
    this.attempt = 0;
  }
  HubConnection.prototype.start = function () {
    var self = this;
    return new Promise(function (resolve, reject) {
      var socket = new WebSocket(self.url);
      var handshaken = false;
      var buffer = '';
      self.socket = socket;
      socket.onopen = function () {
        socket.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS);
      };
      socket.onmessage = function (event) {
        self.lastHeard = Date.now();
        buffer += event.data;
        var frames = buffer.split(RS);
        buffer = frames.pop();
        frames.forEach(function (frame) {
          if (!frame) { return; }
          var message = JSON.parse(frame);
          if (!handshaken) {
            handshaken = true;
            if (message.error) { reject(new Error(message.error)); socket.close(); return; }
            self.open = true;
            self.attempt = 0;
            self.keepAlive = setInterval(function () {
              if (Date.now() - self.lastHeard > 35000) { socket.close(); return; }
              self.sendFrame({ type: 6 });
            }, 15000);
            resolve();
            return;
          }
          self.receive(message);
        });
      };
      socket.onclose = function () {
        var wasOpen = self.open;
        self.open = false;
        clearInterval(self.keepAlive);
        Object.keys(self.pending).forEach(function (id) { self.pending[id].reject(new Error('connection lost')); });
        self.pending = {};
        if (!handshaken) { reject(new Error('could not connect')); }
        if (wasOpen) { self.onState('disconnected'); }
        if (!self.stopped && (wasOpen || handshaken)) { self.reconnect(); }
      };
    });
  };
  HubConnection.prototype.reconnect = function () {
    var self = this;
    var delays = [1000, 2000, 5000, 10000];
    var delay = delays[Math.min(self.attempt, delays.length - 1)];
    self.attempt += 1;
    setTimeout(function () {
      if (self.stopped) { return; }
      self.start().then(function () { self.onState('reconnected'); }, function () { self.reconnect(); });
    }, delay);
  };
  HubConnection.prototype.sendFrame = function (message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message) + RS);
    }
  };
  HubConnection.prototype.receive = function (message) {
    if (message.type === 1 && message.target) {
      var handler = this.handlers[message.target];
      if (handler) { handler.apply(null, message.arguments || []); }
    } else if (message.type === 3) {
      var call = this.pending[message.invocationId];
      if (!call) { return; }
      delete this.pending[message.invocationId];
      if (message.error) { call.reject(new Error(message.error)); } else { call.resolve(message.result); }
    } else if (message.type === 7) {
      this.socket.close();
    }
  };
  HubConnection.prototype.invoke = function (target) {
    var self = this;
    var args = Array.prototype.slice.call(arguments, 1);
    if (!self.open) { return Promise.reject(new Error('not connected')); }
    var id = String(self.nextId++);
    return new Promise(function (resolve, reject) {
      self.pending[id] = { resolve: resolve, reject: reject };
      self.sendFrame({ type: 1, invocationId: id, target: target, arguments: args });
    });
  };
  HubConnection.prototype.fire = function (target) {
    if (this.open) { this.sendFrame({ type: 1, target: target, arguments: Array.prototype.slice.call(arguments, 1) }); }
  };

  // ---- DOM helpers: text only ever goes in as text nodes ----------------------------------------------------------
  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') { node.textContent = attributes[name]; } else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }
  function icon(path, size) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', size || 24);
    svg.setAttribute('height', size || 24);
    svg.setAttribute('aria-hidden', 'true');
    var p = document.createElementNS(ns, 'path');
    p.setAttribute('d', path);
    svg.appendChild(p);
    return svg;
  }
  var ICONS = {
    chat: 'M4 5h16v11H9l-5 4z',
    close: 'M6 6l12 12M18 6L6 18',
    attach: 'M16.5 6.5l-7.8 7.8a2 2 0 0 0 2.8 2.8l7.8-7.8a4 4 0 0 0-5.7-5.7L5.8 11.4a6 6 0 0 0 8.5 8.5l6.2-6.2',
    send: 'M4 12l16-8-6 16-2-7z',
    file: 'M6 3h8l4 4v14H6z M14 3v4h4',
    down: 'M6 9l6 6 6-6'
  };
  function time(at) {
    var date = new Date(at);
    return isNaN(date) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }
  function size(bytes) {
    if (bytes == null) { return ''; }
    if (bytes < 1024) { return bytes + ' B'; }
    if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(1) + ' KB'; }
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }
  function field(labelText, input, hint) {
    return el('label', { class: 'field' }, [el('span', { class: 'field-label', text: labelText }), input, hint ? el('span', { class: 'field-hint', text: hint }) : null]);
  }

  // ---- the widget ----------------------------------------------------------------------------------------------
  var host = el('div', { id: 'contacthub-webchat' });
  var root = host.attachShadow({ mode: 'open' });
  var css = el('link', { rel: 'stylesheet', href: hubOrigin + '/webchat/widget.css' });
  root.appendChild(css);

  var unread = 0;
  var badge = el('span', { class: 'badge', 'data-testid': 'webchat-unread', hidden: '' });
  var chatIcon = icon(ICONS.chat, 28);
  var downIcon = icon(ICONS.down, 28);
  downIcon.style.display = 'none';
  var launcher = el('button', { type: 'button', class: 'launcher', 'data-testid': 'webchat-launcher', 'aria-label': 'Chat with us', 'aria-expanded': 'false' }, [chatIcon, downIcon, badge]);
  var avatar = el('span', { class: 'avatar', 'aria-hidden': 'true' });
  var title = el('span', { class: 'title', 'data-testid': 'webchat-company' });
  var statusLine = el('span', { class: 'status', 'data-testid': 'webchat-status', role: 'status' });
  var closeButton = el('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close chat', 'data-testid': 'webchat-close' }, [icon(ICONS.close, 20)]);
  var header = el('header', { class: 'header' }, [avatar, el('span', { class: 'heading' }, [title, statusLine]), closeButton]);
  var body = el('div', { class: 'body' });
  var panel = el('section', { class: 'panel', 'data-testid': 'webchat-panel', role: 'dialog', 'aria-label': 'Chat', hidden: '' }, [header, body]);
  root.appendChild(panel);
  root.appendChild(launcher);

  var state = {
    token: load().token || null,
    agentSeenUpTo: load().agentSeenUpTo || 0,
    availability: null,
    messages: {},          // id -> row element, for agent and visitor messages the hub stored
    pending: {},           // client id -> { text, row } not yet acknowledged
    lastId: 0,
    lastAgentId: 0,
    view: null,
    connection: null
  };

  // Chat view
  var log = el('div', { class: 'messages', role: 'log', 'aria-live': 'polite', 'data-testid': 'webchat-messages' });
  var typing = el('div', { class: 'typing', 'data-testid': 'webchat-agent-typing', 'aria-hidden': 'true' }, [
    el('span', { class: 'dots' }, [el('i'), el('i'), el('i')]), el('span', { text: 'Agent is typing…' })]);
  var problem = el('p', { class: 'problem', role: 'alert', 'data-testid': 'webchat-problem' });
  var input = el('textarea', { class: 'input', rows: '1', placeholder: 'Write a message…', 'aria-label': 'Message', 'data-testid': 'webchat-input' });
  var fileInput = el('input', { type: 'file', class: 'visually-hidden', 'data-testid': 'webchat-file', accept: '.png,.jpg,.jpeg,.gif,.webp,.pdf' });
  var attach = el('label', { class: 'icon-button attach', title: 'Send a picture or PDF', 'data-testid': 'webchat-attach' }, [icon(ICONS.attach, 20), fileInput]);
  var sendButton = el('button', { type: 'submit', class: 'send', 'aria-label': 'Send', 'data-testid': 'webchat-send', disabled: '' }, [icon(ICONS.send, 20)]);
  var composer = el('form', { class: 'composer' }, [attach, input, sendButton]);
  var chatView = el('div', { class: 'view chat-view' }, [log, typing, problem, composer]);

  function show(view) {
    state.view = view;
    while (body.firstChild) { body.removeChild(body.firstChild); }
    body.appendChild(view);
  }

  function setStatus(status) {
    var text = 'We usually answer within minutes.';
    if (status && status.state === 'waiting') { text = status.text || 'Waiting for an agent.'; }
    if (status && status.state === 'connected') { text = status.text || 'You are chatting with an agent.'; }
    statusLine.textContent = text;
    statusLine.setAttribute('data-state', status ? status.state : 'none');
    clearTimeout(state.statusTimer);
    if (status && status.state === 'waiting' && state.connection) {
      // The place in line moves as others are answered: ask again while waiting.
      state.statusTimer = setTimeout(refreshStatus, 10000);
    }
  }
  function refreshStatus() {
    if (!state.connection) { return; }
    state.connection.invoke('Status').then(setStatus, function () { /* the next reconnect refreshes it */ });
  }

  function receiptText(id) {
    return id <= state.agentSeenUpTo ? 'Read' : 'Sent';
  }
  function updateReceipts() {
    var rows = log.querySelectorAll('.row.visitor[data-id]');
    Array.prototype.forEach.call(log.querySelectorAll('[data-testid=webchat-receipt]'), function (r) { r.remove(); });
    var last = rows[rows.length - 1];
    if (last) {
      var id = Number(last.getAttribute('data-id'));
      last.querySelector('.meta').appendChild(el('span', { class: 'receipt', 'data-testid': 'webchat-receipt', 'data-read': String(id <= state.agentSeenUpTo), text: ' · ' + receiptText(id) }));
    }
  }

  function bubbleFor(message) {
    var bubble = el('div', { class: 'bubble' });
    (message.files || []).forEach(function (f) {
      bubble.appendChild(el('span', { class: 'file', 'data-testid': 'webchat-file-item' }, [icon(ICONS.file, 18), el('span', { class: 'file-name', text: f.name }), el('span', { class: 'file-size', text: size(f.size) })]));
    });
    if (message.text) { bubble.appendChild(el('span', { class: 'text', 'data-testid': 'webchat-text', text: message.text })); }
    return bubble;
  }
  function addRow(message) {
    if (message.id && state.messages[message.id]) { return; }
    var from = message.from;
    var row = el('div', { class: 'row ' + from, 'data-testid': 'webchat-message', 'data-from': from }, [
      bubbleFor(message), el('div', { class: 'meta' }, [el('span', { class: 'time', text: time(message.at) })])]);
    if (message.id) {
      row.setAttribute('data-id', String(message.id));
      state.messages[message.id] = row;
      state.lastId = Math.max(state.lastId, message.id);
      if (from === 'agent') { state.lastAgentId = Math.max(state.lastAgentId, message.id); }
    }
    // Keep the transcript in id order even when a push and a history read cross.
    var next = null;
    if (message.id) {
      Array.prototype.some.call(log.querySelectorAll('.row[data-id]'), function (other) {
        if (Number(other.getAttribute('data-id')) > message.id) { next = other; return true; }
        return false;
      });
    }
    var stick = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    log.insertBefore(row, next || log.querySelector('.row.pending'));
    if (stick || from === 'visitor') { log.scrollTop = log.scrollHeight; }
    return row;
  }
  function addMessages(messages) {
    var anyAgent = false;
    (messages || []).forEach(function (m) {
      if (m.from === 'visitor' && m.clientId && state.pending[m.clientId]) { settle(m.clientId, m.id, m.at); return; }
      if (!state.messages[m.id]) {
        addRow(m);
        if (m.from === 'agent') { anyAgent = true; }
      }
    });
    updateReceipts();
    if (anyAgent) { agentReplied(); }
  }

  function agentReplied() {
    typing.classList.remove('on');
    if (panel.hidden || document.visibilityState !== 'visible') {
      if (panel.hidden) {
        unread += 1;
        badge.textContent = String(unread);
        badge.hidden = false;
      }
      if (state.connection) { state.connection.fire('Delivered', state.lastAgentId); }
    } else {
      markSeen();
    }
  }
  function markSeen() {
    if (state.connection && state.lastAgentId > 0 && !panel.hidden && document.visibilityState === 'visible') {
      state.connection.fire('Seen', state.lastAgentId);
    }
  }

  function settle(clientId, id, at) {
    var pending = state.pending[clientId];
    if (!pending) { return; }
    delete state.pending[clientId];
    pending.row.classList.remove('pending');
    pending.row.setAttribute('data-id', String(id));
    pending.row.querySelector('.time').textContent = time(at);
    var sending = pending.row.querySelector('.sending');
    if (sending) { sending.remove(); }
    state.messages[id] = pending.row;
    state.lastId = Math.max(state.lastId, id);
    updateReceipts();
  }
  function fail(clientId, reason) {
    var pending = state.pending[clientId];
    if (pending) {
      delete state.pending[clientId];
      pending.row.classList.add('failed');
      var sending = pending.row.querySelector('.sending');
      if (sending) { sending.textContent = 'Not sent'; }
    }
    showProblem(reason);
  }
  function showProblem(text) {
    problem.textContent = text || '';
    problem.classList.toggle('on', !!text);
  }

  function sendText(text, clientId) {
    var row = el('div', { class: 'row visitor pending', 'data-testid': 'webchat-message', 'data-from': 'visitor' }, [
      bubbleFor({ text: text }), el('div', { class: 'meta' }, [el('span', { class: 'time' }), el('span', { class: 'sending', text: 'Sending…' })])]);
    log.appendChild(row);
    log.scrollTop = log.scrollHeight;
    state.pending[clientId] = { text: text, row: row };
    deliver(clientId);
  }
  function deliver(clientId) {
    var pending = state.pending[clientId];
    if (!pending || !state.connection || !state.connection.open) { return; }
    state.connection.invoke('Send', clientId, pending.text).then(function (ack) {
      if (ack && ack.error) { fail(clientId, ack.error); } else if (ack) { showProblem(''); settle(clientId, ack.id, ack.at); }
    }, function () { /* connection lost: resent with the same id after reconnecting, stored once */ });
  }

  function upload(file) {
    var limits = state.availability || {};
    var allowed = /\.(png|jpe?g|gif|webp|pdf)$/i.test(file.name);
    if (!allowed) { showProblem('“' + file.name + '” cannot be sent: only images (PNG, JPEG, GIF, WebP) and PDF files can be uploaded.'); return; }
    if (limits.maxUploadBytes && file.size > limits.maxUploadBytes) {
      showProblem('“' + file.name + '” is too large: files can be at most ' + Math.floor(limits.maxUploadBytes / 1048576) + ' MB.');
      return;
    }
    var clientId = newId();
    var row = el('div', { class: 'row visitor pending', 'data-testid': 'webchat-message', 'data-from': 'visitor' }, [
      bubbleFor({ files: [{ name: file.name, size: file.size }] }), el('div', { class: 'meta' }, [el('span', { class: 'time' }), el('span', { class: 'sending', text: 'Uploading…' })])]);
    log.appendChild(row);
    log.scrollTop = log.scrollHeight;
    state.pending[clientId] = { row: row };
    var form = new FormData();
    form.append('messageId', clientId);
    form.append('file', file, file.name);
    fetch(hubOrigin + '/webchat/api/files', { method: 'POST', headers: { 'X-Visitor-Token': state.token }, body: form })
      .then(function (response) {
        return response.json().then(function (json) { return { ok: response.ok, json: json }; }, function () { return { ok: false, json: {} }; });
      })
      .then(function (result) {
        if (result.ok) { showProblem(''); settle(clientId, result.json.id, result.json.at); } else { fail(clientId, result.json.error || 'The file could not be sent.'); }
      }, function () { fail(clientId, 'The file could not be sent: the connection failed.'); });
  }

  input.addEventListener('input', function () {
    sendButton.disabled = input.value.trim().length === 0;
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight, 120) + 'px';
    var now = Date.now();
    if (state.connection && input.value.length > 0 && now - (state.typedAt || 0) > TYPING_EVERY_MS) {
      state.typedAt = now;
      state.connection.fire('Typing');
    }
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); composer.requestSubmit(); }
  });
  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) { return; }
    var max = (state.availability && state.availability.maxMessageLength) || 2000;
    if (text.length > max) { showProblem('Messages can be at most ' + max + ' characters.'); return; }
    input.value = '';
    input.style.height = 'auto';
    sendButton.disabled = true;
    sendText(text, newId());
  });
  fileInput.addEventListener('change', function () {
    if (fileInput.files && fileInput.files[0]) { upload(fileInput.files[0]); }
    fileInput.value = '';
  });

  // ---- forms ---------------------------------------------------------------------------------------------------
  function formView(options) {
    var formProblem = el('p', { class: 'problem on', role: 'alert', 'data-testid': options.testid + '-problem' });
    var submit = el('button', { type: 'submit', class: 'primary', 'data-testid': options.testid + '-submit', text: options.submit });
    var form = el('form', { class: 'view form-view', 'data-testid': options.testid, novalidate: '' },
      [el('p', { class: 'intro', text: options.intro })].concat(options.fields).concat([formProblem, submit]));
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      formProblem.textContent = '';
      submit.disabled = true;
      options.onSubmit().then(function (error) {
        submit.disabled = false;
        if (error) { formProblem.textContent = error; }
      });
    });
    return form;
  }
  function post(path, payload, headers) {
    var all = { 'Content-Type': 'application/json' };
    Object.keys(headers || {}).forEach(function (k) { all[k] = headers[k]; });
    return fetch(hubOrigin + path, { method: 'POST', headers: all, body: JSON.stringify(payload) }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; }, function () { return { ok: false, json: {} }; });
    }, function () { return { ok: false, json: { error: 'We could not reach the chat. Please check your connection and try again.' } }; });
  }

  function preChatView() {
    var name = el('input', { type: 'text', autocomplete: 'name', maxlength: '100', 'data-testid': 'prechat-name', required: '' });
    var email = el('input', { type: 'email', autocomplete: 'email', maxlength: '254', 'data-testid': 'prechat-email' });
    var message = el('textarea', { rows: '3', 'data-testid': 'prechat-message', required: '' });
    return formView({
      testid: 'prechat',
      intro: 'Hi there! Tell us who you are and how we can help.',
      submit: 'Start chat',
      fields: [field('Name', name), field('E-mail', email, 'Optional'), field('How can we help?', message)],
      onSubmit: function () {
        if (!name.value.trim()) { return Promise.resolve('Please tell us your name.'); }
        if (!message.value.trim()) { return Promise.resolve('Please write your question.'); }
        return post('/webchat/api/sessions', { channelKey: channelKey, name: name.value, email: email.value, message: message.value, messageId: newId() }).then(function (result) {
          if (!result.ok) { return result.json.error || 'The chat could not be started.'; }
          begin(result.json.token, result.json.messages, result.json.status);
          return null;
        });
      }
    });
  }
  function leaveMessageView(reason) {
    var name = el('input', { type: 'text', autocomplete: 'name', maxlength: '100', 'data-testid': 'leave-name', required: '' });
    var email = el('input', { type: 'email', autocomplete: 'email', maxlength: '254', 'data-testid': 'leave-email', required: '' });
    var message = el('textarea', { rows: '4', 'data-testid': 'leave-message', required: '' });
    var messageId = newId();
    return formView({
      testid: 'leave',
      intro: reason || 'Nobody is available to chat right now. Leave us a message and we will answer by e-mail.',
      submit: 'Send message',
      fields: [field('Name', name), field('E-mail', email, 'We will answer here'), field('Message', message)],
      onSubmit: function () {
        return post('/webchat/api/leave-message', { channelKey: channelKey, name: name.value, email: email.value, message: message.value, messageId: messageId }).then(function (result) {
          if (!result.ok) { return result.json.error || 'Your message could not be sent.'; }
          show(el('div', { class: 'view thanks', 'data-testid': 'leave-thanks' }, [
            el('p', { class: 'thanks-title', text: 'Thank you!' }),
            el('p', { text: 'We have your message and will answer by e-mail soon.' })]));
          return null;
        });
      }
    });
  }

  // ---- lifecycle -----------------------------------------------------------------------------------------------
  function connect() {
    if (state.connection) { return Promise.resolve(); }
    var connection = new HubConnection(hubOrigin + '/webchat/hub', {
      reply: function (message) { addMessages([message]); },
      agentTyping: function () {
        typing.classList.add('on');
        clearTimeout(state.typingTimer);
        state.typingTimer = setTimeout(function () { typing.classList.remove('on'); }, AGENT_TYPING_SHOWN_MS);
      },
      agentSeen: function (upTo) {
        if (upTo > state.agentSeenUpTo) {
          state.agentSeenUpTo = upTo;
          save({ agentSeenUpTo: upTo });
          updateReceipts();
        }
      },
      status: refreshStatus
    }, function (change) {
      if (change === 'disconnected') { statusLine.textContent = 'Reconnecting…'; }
      if (change === 'reconnected') { join(); }
    });
    state.connection = connection;
    return connection.start().then(join, function () {
      state.connection = null;
      statusLine.textContent = 'The chat is unreachable right now.';
    });
  }
  function join() {
    return state.connection.invoke('Join', channelKey, state.token).then(function (joined) {
      if (!joined.joined) {
        // Expired or not ours: start afresh; another visitor's conversation is never shown.
        forget();
        state.token = null;
        state.connection.stopped = true;
        state.connection.socket.close();
        state.connection = null;
        return openFresh();
      }
      state.token = joined.token;
      save({ token: joined.token });
      if (state.view !== chatView) { show(chatView); }
      addMessages(joined.messages);
      setStatus(joined.status);
      // Resend what never got its acknowledgement: the same ids, so the hub stores each once.
      Object.keys(state.pending).forEach(deliver);
      return null;
    });
  }
  function begin(token, messages, status) {
    state.token = token;
    save({ token: token, agentSeenUpTo: 0 });
    show(chatView);
    addMessages(messages);
    setStatus(status);
    sendButton.disabled = true;
    input.focus();
    return connect();
  }
  function availability() {
    if (state.availability) { return Promise.resolve(state.availability); }
    return fetch(hubOrigin + '/webchat/api/availability?key=' + encodeURIComponent(channelKey)).then(function (r) { return r.json(); }).then(function (a) {
      state.availability = a;
      title.textContent = a.companyName || 'Support';
      avatar.textContent = (a.companyName || 'S').trim().charAt(0).toUpperCase();
      return a;
    });
  }
  function openFresh() {
    return availability().then(function (a) {
      show(a.open ? preChatView() : leaveMessageView(a.reason));
      setStatus(null);
      if (!a.open) { statusLine.textContent = 'Offline'; }
    }, function () {
      statusLine.textContent = 'The chat is unreachable right now.';
    });
  }

  function togglePanel(open) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.classList.toggle('open', open);
    chatIcon.style.display = open ? 'none' : '';
    downIcon.style.display = open ? '' : 'none';
    if (open) {
      unread = 0;
      badge.hidden = true;
      markSeen();
      if (state.view === chatView) { input.focus(); }
    }
  }
  launcher.addEventListener('click', function () { togglePanel(panel.hidden); });
  closeButton.addEventListener('click', function () { togglePanel(false); });
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') { togglePanel(false); launcher.focus(); }
  });
  document.addEventListener('visibilitychange', markSeen);

  function mount() {
    document.body.appendChild(host);
    availability().then(function () {
      if (state.token) { connect(); } else { openFresh(); }
    }, function () { statusLine.textContent = 'The chat is unreachable right now.'; });
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
})();
