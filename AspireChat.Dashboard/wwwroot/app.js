"use strict";

// The dashboard's UI: one page, a view per route (#/resources, #/console/<name>, #/logs,
// #/traces, #/traces/<id>, #/metrics), data from /api, and server-sent events from
// /api/events that say what changed, so every view updates without a reload.

const view = document.getElementById("view");
const palette = ["#512bd4", "#0969da", "#1a7f37", "#bc4c00", "#8250df", "#bf3989", "#0a7e8c", "#9a6700"];
const levels = [["Trace", 1], ["Debug", 5], ["Information", 9], ["Warning", 13], ["Error", 17], ["Critical", 21]];
const maxConsoleLines = 10000;
let current = null;
let refreshing = null;
let refreshAgain = false;

// Element builder: el("td", { class: "num" }, "text", child ...)
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, { credentials: "same-origin", ...options });
  if (response.status === 401) {
    location.href = "/login?returnUrl=" + encodeURIComponent("/" + location.hash);
    throw new Error("not logged in");
  }
  const body = response.headers.get("content-type")?.includes("json") ? await response.json() : null;
  if (!response.ok) throw new Error(body?.detail ?? body?.error ?? response.statusText);
  return body;
}

// Resources take the palette's colours in the order this page meets them, so that the few of
// one app never share a colour.
const colors = new Map();
function colorOf(name) {
  if (!colors.has(name)) colors.set(name, palette[colors.size % palette.length]);
  return colors.get(name);
}

function resourceBadge(name) {
  return el("span", { class: "badge", "data-resource": name }, el("span", { class: "dot", style: `background:${colorOf(name)}` }), name);
}

function time(iso) {
  const d = new Date(iso);
  return d.toLocaleTimeString([], { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0");
}

function duration(ms) {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

function number(value) {
  if (value === null || value === undefined) return "–";
  return Math.abs(value) >= 1000 ? Math.round(value).toLocaleString() : Number(value.toPrecision(4)).toLocaleString();
}

// Milliseconds since the epoch with the sub-millisecond digits Date.parse drops (spans are often shorter than 1 ms).
function preciseMs(iso) {
  const fraction = /\.(\d+)/.exec(iso)?.[1] ?? "";
  return Date.parse(iso) + (fraction.length > 3 ? Number("0." + fraction.slice(3)) : 0);
}

function query() {
  const [, search] = location.hash.split("?");
  return new URLSearchParams(search ?? "");
}

function setQuery(values) {
  const [path] = location.hash.split("?");
  const params = query();
  for (const [key, value] of Object.entries(values)) value ? params.set(key, value) : params.delete(key);
  history.replaceState(null, "", `${path}${params.size ? "?" + params : ""}`);
}

function select(label, name, options, selected, onchange) {
  return el("label", {}, label, el("select", { name, onchange },
    options.map(([value, text]) => el("option", { value, selected: String(value) === String(selected ?? "") }, text))));
}

function textFilter(label, name, value, oninput) {
  let timer;
  return el("label", {}, label, el("input", {
    type: "search", name, value: value ?? "", placeholder: "filter",
    oninput: e => { clearTimeout(timer); timer = setTimeout(() => oninput(e.target.value), 250); },
  }));
}

async function telemetryResourceOptions() {
  const { telemetryResources } = await api("/api/resources");
  const names = [...new Set(telemetryResources.map(r => r.serviceName))].sort();
  return [["", "All resources"], ...names.map(n => [n, n])];
}

// The page's filters (kept in the address) as the API's query: { filter in the address: API parameter }.
function filters(names) {
  const q = query();
  const params = new URLSearchParams();
  for (const [name, parameter] of Object.entries(names)) {
    if (q.get(name)) params.set(parameter, q.get(name));
  }
  return params;
}

async function resourceFilter(q) {
  return select("Resource", "resource", await telemetryResourceOptions(), q.get("resource"), e => { setQuery({ resource: e.target.value }); scheduleRefresh(); });
}

function attributesTable(attributes) {
  if (!attributes?.length) return el("p", { class: "muted" }, "No attributes.");
  return el("table", { class: "attributes" }, el("tbody", {}, attributes.map(a => el("tr", {}, el("td", {}, a.key), el("td", { class: "mono" }, a.value)))));
}

// ---- Resources -------------------------------------------------------------------------------

const resourcesView = {
  nav: "resources",
  kinds: ["resources"],
  async render() {
    view.replaceChildren(el("h1", {}, "Resources"), el("div", { id: "data" }));
    await scheduleRefresh();
  },
  async refresh() {
    const { appHost, resources, telemetryResources } = await api("/api/resources");
    const data = document.getElementById("data");
    if (!appHost) {
      data.replaceChildren(
        el("p", { class: "muted" }, "Standalone: no AppHost is connected, so these are the services that have sent telemetry."),
        telemetryResources.length === 0 ? el("div", { class: "empty" }, "Nothing has sent telemetry yet.") :
          el("table", { class: "resources" }, el("thead", {}, el("tr", {}, ["Name", "Instance", ""].map(h => el("th", {}, h)))),
            el("tbody", {}, telemetryResources.map(r => el("tr", { "data-name": r.name },
              el("td", {}, resourceBadge(r.serviceName)), el("td", { class: "mono" }, r.instanceId),
              el("td", {}, el("a", { href: `#/logs?resource=${encodeURIComponent(r.serviceName)}` }, "logs"), " · ",
                el("a", { href: `#/traces?resource=${encodeURIComponent(r.serviceName)}` }, "traces")))))));
      return;
    }
    data.replaceChildren(el("table", { class: "resources" },
      el("thead", {}, el("tr", {}, ["Name", "Type", "State", "Health", "Started", "Restarts", "Endpoints", "Actions"].map(h => el("th", {}, h)))),
      el("tbody", {}, resources.map(r => el("tr", { "data-name": r.name },
        el("td", {}, resourceBadge(r.name), r.message ? el("div", { class: "muted" }, r.message) : null),
        el("td", {}, r.type),
        el("td", { class: "state" }, el("span", { class: `badge ${r.state}` }, r.state), r.exitCode !== null && r.state !== "Running" ? el("span", { class: "muted" }, ` exit code ${r.exitCode}`) : null),
        el("td", { class: "health" }, r.health ? el("span", { class: `badge ${r.health}` }, r.health) : el("span", { class: "muted" }, "–")),
        el("td", { class: "time" }, r.startedAt ? new Date(r.startedAt).toLocaleString() : "–"),
        el("td", { class: "num restarts" }, r.restarts),
        el("td", {}, r.endpoints.map(e => el("div", {}, el("a", { href: e.url, target: "_blank", rel: "noopener" }, e.url), el("span", { class: "muted" }, ` ${e.name}`)))),
        el("td", {}, commandButtons(r)))))));
  },
};

function commandButtons(resource) {
  const run = async command => {
    try {
      await api(`/api/resources/${encodeURIComponent(resource.name)}/${command}`, { method: "POST", headers: { "x-dashboard-command": "1" } });
    } catch (error) {
      alert(error.message);
    }
    scheduleRefresh();
  };
  const running = ["Running", "Starting", "Waiting"].includes(resource.state);
  return [
    el("button", { type: "button", onclick: () => run("restart") }, "Restart"), " ",
    running ? el("button", { type: "button", onclick: () => run("stop") }, "Stop")
      : el("button", { type: "button", onclick: () => run("start") }, "Start"),
  ];
}

// ---- Console logs ----------------------------------------------------------------------------

const consoleView = {
  nav: "console",
  kinds: ["consolelogs", "resources"],
  name: null,
  last: 0,
  async render(name) {
    const { appHost, resources } = await api("/api/resources");
    this.name = name ?? resources[0]?.name ?? null;
    this.last = 0;
    if (!appHost) {
      view.replaceChildren(el("h1", {}, "Console logs"), el("div", { class: "empty" }, "Console logs come from an AppHost, and none is connected: this dashboard runs standalone."));
      return;
    }
    view.replaceChildren(
      el("h1", {}, "Console logs"),
      el("div", { class: "toolbar" }, select("Resource", "resource", resources.map(r => [r.name, r.name]), this.name,
        e => { location.hash = `#/console/${encodeURIComponent(e.target.value)}`; })),
      el("pre", { class: "console", id: "console" }));
    await scheduleRefresh();
  },
  async refresh() {
    const output = document.getElementById("console");
    if (!this.name || !output) return;
    const lines = await api(`/api/console/${encodeURIComponent(this.name)}?after=${this.last}`);
    const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 20;
    for (const line of lines) {
      if (line.sequence <= this.last) continue;
      this.last = line.sequence;
      output.append(el("div", { class: line.isError ? "err" : null, "data-seq": line.sequence }, el("span", { class: "ts" }, time(line.timestamp)), ...ansi(line.text)));
    }
    // As many lines as the dashboard keeps: an open tab must not grow for ever.
    while (output.childElementCount > maxConsoleLines) output.firstElementChild.remove();
    if (atBottom) output.scrollTop = output.scrollHeight;
  },
};

// Colour codes from the resources' console loggers, as spans.
function ansi(text) {
  const parts = [];
  let classes = [];
  let last = 0;
  const pattern = /\u001b\[([0-9;]*)m/g;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push(el("span", { class: classes.join(" ") || null }, text.slice(last, match.index)));
    for (const code of match[1].split(";").map(Number)) {
      if (code === 0) classes = [];
      else if (code === 1) classes.push("ansi-bold");
      else if (code === 22) classes = classes.filter(c => c !== "ansi-bold");
      else if (code === 39) classes = classes.filter(c => !/^ansi-3\d$/.test(c));
      else if (code >= 30 && code <= 37) classes = [...classes.filter(c => !/^ansi-3\d$/.test(c)), `ansi-${code}`];
      else if (code >= 90 && code <= 97) classes = [...classes.filter(c => !/^ansi-3\d$/.test(c)), `ansi-${code - 60}`];
    }
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(el("span", { class: classes.join(" ") || null }, text.slice(last)));
  return parts;
}

// ---- Structured logs -------------------------------------------------------------------------

const logsView = {
  nav: "logs",
  kinds: ["logs"],
  open: new Set(),
  async render() {
    const q = query();
    view.replaceChildren(
      el("h1", {}, "Structured logs"),
      el("div", { class: "toolbar" },
        await resourceFilter(q),
        select("Level", "level", [["", "All levels"], ...levels.map(([name, n]) => [n, `${name} and above`])], q.get("level"), e => { setQuery({ level: e.target.value }); scheduleRefresh(); }),
        textFilter("Message", "text", q.get("text"), value => { setQuery({ text: value }); scheduleRefresh(); })),
      el("div", { id: "data" }));
    await scheduleRefresh();
  },
  async refresh() {
    const logs = await api(`/api/logs?${filters({ resource: "resource", level: "minSeverity", text: "text" })}`);
    document.getElementById("data").replaceChildren(logTable(logs, this.open));
  },
};

function logTable(logs, open) {
  if (logs.length === 0) return el("div", { class: "empty" }, "No structured logs match.");
  return el("table", { class: "logs" },
    el("thead", {}, el("tr", {}, ["Time", "Resource", "Level", "Category", "Message", "Trace"].map(h => el("th", {}, h)))),
    el("tbody", {}, logs.flatMap(log => {
      const row = el("tr", { class: "clickable log", "data-id": log.id },
        el("td", { class: "time" }, time(log.timestamp)),
        el("td", {}, resourceBadge(log.resource.serviceName)),
        el("td", {}, el("span", { class: `badge ${log.severity}` }, log.severity)),
        el("td", { class: "muted" }, log.category),
        el("td", { class: "message" }, log.message),
        el("td", {}, log.traceId ? el("a", { href: `#/traces/${log.traceId}`, onclick: e => e.stopPropagation() }, log.traceId.slice(0, 8)) : ""));
      const details = el("tr", { class: "details", hidden: !open.has(log.id) }, el("td", { colspan: 6 }, attributesTable(log.attributes)));
      row.addEventListener("click", () => { details.hidden = !details.hidden; details.hidden ? open.delete(log.id) : open.add(log.id); });
      return [row, details];
    })));
}

// ---- Traces ----------------------------------------------------------------------------------

const tracesView = {
  nav: "traces",
  kinds: ["traces"],
  async render() {
    const q = query();
    view.replaceChildren(
      el("h1", {}, "Traces"),
      el("div", { class: "toolbar" },
        await resourceFilter(q),
        textFilter("Span name", "text", q.get("text"), value => { setQuery({ text: value }); scheduleRefresh(); })),
      el("div", { id: "data" }));
    await scheduleRefresh();
  },
  async refresh() {
    const traces = await api(`/api/traces?${filters({ resource: "resource", text: "text" })}`);
    document.getElementById("data").replaceChildren(traces.length === 0 ? el("div", { class: "empty" }, "No traces match.") :
      el("table", { class: "traces" },
        el("thead", {}, el("tr", {}, ["Time", "Name", "Resources", "Spans", "Duration", "Errors"].map(h => el("th", {}, h)))),
        el("tbody", {}, traces.map(t => el("tr", { class: "clickable trace", "data-trace-id": t.traceId, onclick: () => { location.hash = `#/traces/${t.traceId}`; } },
          el("td", { class: "time" }, time(t.start)),
          el("td", {}, el("a", { href: `#/traces/${t.traceId}` }, t.name)),
          el("td", {}, t.resources.map(resourceBadge)),
          el("td", { class: "num" }, t.spanCount),
          el("td", { class: "num" }, duration(t.durationMs)),
          el("td", { class: "num" }, t.errorCount ? el("span", { class: "badge Error" }, t.errorCount) : "0"))))));
  },
};

const traceView = {
  nav: "traces",
  kinds: ["traces", "logs"],
  traceId: null,
  selected: null,
  async render(traceId) {
    this.traceId = traceId;
    this.selected = null;
    view.replaceChildren(el("p", {}, el("a", { href: "#/traces" }, "← Traces")), el("div", { id: "data" }));
    await scheduleRefresh();
  },
  async refresh() {
    let trace;
    try {
      trace = await api(`/api/traces/${this.traceId}`);
    } catch (error) {
      document.getElementById("data").replaceChildren(el("div", { class: "empty" }, error.message));
      return;
    }
    const spans = trace.spans;
    const start = Math.min(...spans.map(s => preciseMs(s.start)));
    const end = Math.max(...spans.map(s => preciseMs(s.end)));
    const total = Math.max(end - start, 0.001);
    const ordered = treeOrder(spans);
    const root = ordered[0]?.span;
    const resources = [...new Set(spans.map(s => s.resource.serviceName))];
    const detail = el("div", { id: "span-detail" });
    const rows = ordered.map(({ span, depth }) => {
      const left = (preciseMs(span.start) - start) / total * 100;
      const width = Math.max(span.durationMs / total * 100, 0.3);
      const ms = span.durationMs;
      const row = el("div", { class: "row span-row", "data-span-id": span.spanId, "data-resource": span.resource.serviceName, "data-name": span.name },
        el("div", { class: "label", style: `padding-left:${10 + depth * 16}px`, title: `${span.resource.serviceName}: ${span.name}` },
          el("span", { class: "dot", style: `background:${colorOf(span.resource.serviceName)}` }),
          el("strong", {}, span.resource.serviceName), ": ", span.name, span.isError ? el("span", { class: "badge Error" }, "error") : null),
        el("div", { class: "track" },
          el("div", { class: `bar${span.isError ? " error" : ""}`, style: `left:${left}%;width:${width}%;background:${colorOf(span.resource.serviceName)}` }),
          el("span", { class: "duration", style: `left:calc(${Math.min(left + width, 92)}% + 6px)` }, duration(ms))));
      row.addEventListener("click", () => { this.selected = span.spanId; showSpan(detail, span); markSelected(span.spanId); });
      return row;
    });
    document.getElementById("data").replaceChildren(
      el("h1", {}, root ? `${root.resource.serviceName}: ${root.name}` : "Trace"),
      el("div", { class: "summary" },
        el("span", {}, "Trace ", el("strong", { class: "mono" }, trace.traceId)),
        el("span", {}, "Started ", el("strong", {}, time(new Date(start).toISOString()))),
        el("span", {}, "Duration ", el("strong", {}, duration(total))),
        el("span", {}, "Spans ", el("strong", { class: "span-count" }, spans.length)),
        el("span", { class: "trace-resources" }, "Resources ", resources.map(resourceBadge))),
      el("div", { class: "waterfall" }, rows),
      detail,
      el("h2", {}, "Logs of this trace"),
      logTable(trace.logs, new Set()));
    const selected = spans.find(s => s.spanId === this.selected);
    if (selected) { showSpan(detail, selected); markSelected(selected.spanId); }
  },
};

// Parents before children, siblings by start time: the waterfall's order.
function treeOrder(spans) {
  const ids = new Set(spans.map(s => s.spanId));
  const children = new Map();
  for (const span of spans) {
    const parent = span.parentSpanId && ids.has(span.parentSpanId) ? span.parentSpanId : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(span);
  }
  const result = [];
  const visit = (parent, depth) => {
    for (const span of (children.get(parent) ?? []).sort((a, b) => preciseMs(a.start) - preciseMs(b.start))) {
      result.push({ span, depth });
      visit(span.spanId, depth + 1);
    }
  };
  visit(null, 0);
  return result;
}

function markSelected(spanId) {
  for (const row of document.querySelectorAll(".span-row")) row.classList.toggle("selected", row.dataset.spanId === spanId);
}

function showSpan(container, span) {
  container.replaceChildren(
    el("h2", {}, `${span.resource.serviceName}: ${span.name}`),
    el("div", { class: "summary" },
      el("span", {}, "Kind ", el("strong", {}, span.kind)),
      el("span", {}, "Scope ", el("strong", {}, span.scope)),
      el("span", {}, "Instance ", el("strong", { class: "mono" }, span.resource.instanceId)),
      el("span", {}, "Span ", el("strong", { class: "mono" }, span.spanId)),
      span.statusMessage ? el("span", { class: "error" }, span.statusMessage) : ""),
    attributesTable(span.attributes),
    ...(span.events.length ? [el("h2", {}, "Events"), ...span.events.map(e => el("div", { class: "span-event" },
      el("p", {}, el("span", { class: "mono" }, time(e.timestamp)), " ", el("strong", {}, e.name)), attributesTable(e.attributes)))] : []));
}

// ---- Metrics ---------------------------------------------------------------------------------

const metricsView = {
  nav: "metrics",
  kinds: ["metrics"],
  async render() {
    const q = query();
    view.replaceChildren(
      el("h1", {}, "Metrics"),
      el("div", { class: "toolbar" },
        select("Resource", "resource", (await telemetryResourceOptions()).slice(1), q.get("resource"), e => { setQuery({ resource: e.target.value, instrument: null }); scheduleRefresh(); })),
      el("div", { class: "split" }, el("div", { class: "list", id: "instruments" }), el("div", { id: "data" })));
    if (!q.get("resource")) setQuery({ resource: view.querySelector("select[name=resource]")?.value });
    await scheduleRefresh();
  },
  async refresh() {
    const q = query();
    const resource = q.get("resource");
    if (!resource) {
      document.getElementById("data").replaceChildren(el("div", { class: "empty" }, "No metrics have arrived yet."));
      return;
    }
    const instruments = await api(`/api/metrics?resource=${encodeURIComponent(resource)}`);
    const chosen = instruments.find(i => i.name === q.get("instrument")) ?? instruments.find(i => i.name.startsWith("chat.")) ?? instruments[0];
    const meters = [...new Set(instruments.map(i => i.meter))];
    document.getElementById("instruments").replaceChildren(...meters.flatMap(meter => [
      el("div", { class: "meter" }, meter),
      ...instruments.filter(i => i.meter === meter).map(i => el("a", {
        href: "#", class: i === chosen ? "active" : null, "data-instrument": i.name,
        onclick: e => { e.preventDefault(); setQuery({ instrument: i.name }); scheduleRefresh(); },
      }, i.name)),
    ]));
    document.getElementById("data").replaceChildren(chosen ? instrumentView(chosen) : el("div", { class: "empty" }, "No metrics for this resource yet."));
  },
};

function instrumentView(instrument) {
  const histogram = instrument.kind === "Histogram";
  const label = s => s.dimensions.length ? s.dimensions.map(d => `${d.key}=${d.value}`).join(", ") : "(no attributes)";
  const series = instrument.series.slice(0, palette.length);
  return el("div", { class: "instrument", "data-instrument": instrument.name },
    el("h2", {}, instrument.name, " ", el("span", { class: "muted" }, `${instrument.kind}${instrument.unit ? `, ${instrument.unit}` : ""}`)),
    el("p", { class: "muted" }, instrument.description || ""),
    el("div", { class: "chart" }, chart(series, histogram),
      el("div", { class: "legend" }, series.map((s, i) => el("span", {}, el("span", { class: "dot", style: `background:${palette[i]}` }), label(s))))),
    el("h2", {}, "Latest values"),
    el("table", { class: "metric-values" },
      el("thead", {}, el("tr", {}, (histogram ? ["Attributes", "Count", "p50", "p90", "p99"] : ["Attributes", "Value"]).map(h => el("th", {}, h)))),
      el("tbody", {}, instrument.series.map(s => {
        const last = s.points.at(-1);
        return el("tr", {}, el("td", { class: "mono" }, label(s)), histogram
          ? [el("td", { class: "num" }, number(last?.histogram?.count)), el("td", { class: "num" }, number(last?.histogram?.p50)),
            el("td", { class: "num" }, number(last?.histogram?.p90)), el("td", { class: "num" }, number(last?.histogram?.p99))]
          : el("td", { class: "num" }, number(last?.value)));
      }))));
}

// A line per series over time; histograms plot their p90 per interval.
function chart(series, histogram) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 1000 260");
  svg.setAttribute("preserveAspectRatio", "none");
  const points = series.flatMap(s => s.points);
  if (points.length === 0) return svg;
  const t0 = Math.min(...points.map(p => Date.parse(p.timestamp)));
  const t1 = Math.max(...points.map(p => Date.parse(p.timestamp)), t0 + 1);
  const values = points.map(p => p.value).filter(Number.isFinite);
  const max = Math.max(...values, 0) * 1.1 || 1;
  const min = Math.min(...values, 0);
  const x = t => 40 + (t - t0) / (t1 - t0) * 950;
  const y = v => 240 - (v - min) / (max - min) * 220;
  for (const fraction of [0, 0.5, 1]) {
    const line = document.createElementNS(ns, "line");
    Object.entries({ x1: 40, x2: 990, y1: y(min + (max - min) * fraction), y2: y(min + (max - min) * fraction), stroke: "#d8dee4" }).forEach(([k, v]) => line.setAttribute(k, v));
    const text = document.createElementNS(ns, "text");
    Object.entries({ x: 2, y: y(min + (max - min) * fraction) + 4, "font-size": 11, fill: "#656d76" }).forEach(([k, v]) => text.setAttribute(k, v));
    text.textContent = number(min + (max - min) * fraction);
    svg.append(line, text);
  }
  series.forEach((s, i) => {
    const path = document.createElementNS(ns, "polyline");
    path.setAttribute("points", s.points.filter(p => Number.isFinite(p.value)).map(p => `${x(Date.parse(p.timestamp))},${y(p.value)}`).join(" "));
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", palette[i]);
    path.setAttribute("stroke-width", "2");
    path.setAttribute("vector-effect", "non-scaling-stroke");
    svg.append(path);
  });
  svg.setAttribute("aria-label", histogram ? "p90 per interval over time" : "value over time");
  return svg;
}

// ---- Routing and live updates ----------------------------------------------------------------

function route() {
  const [path] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, arg] = path.split("/").map(decodeURIComponent);
  switch (name) {
    case "console": return [consoleView, arg];
    case "logs": return [logsView];
    case "traces": return arg ? [traceView, arg] : [tracesView];
    case "metrics": return [metricsView];
    default: return [resourcesView];
  }
}

async function show() {
  const [target, arg] = route();
  current = target;
  for (const link of document.querySelectorAll("header nav a")) {
    link.classList.toggle("active", link.dataset.view === target.nav);
  }
  try {
    await target.render(arg);
  } catch (error) {
    view.replaceChildren(el("div", { class: "empty" }, error.message));
  }
}

// One refresh at a time: a change during a refresh runs one more afterwards, so responses never
// race each other onto the page.
function scheduleRefresh() {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      try { await current?.refresh(); } catch { /* the next change tries again */ }
    } while (refreshAgain);
    refreshing = null;
  })();
  return refreshing;
}

function connectLive() {
  const live = document.getElementById("live");
  const events = new EventSource("/api/events");
  events.onopen = () => { live.classList.add("on"); live.title = "Live updates: on"; };
  events.onerror = async () => {
    live.classList.remove("on");
    live.title = "Live updates: reconnecting";
    // A dashboard that restarted has forgotten the login: go and log in again.
    try { await api("/api/resources"); } catch { /* api() redirects to the login page on 401 */ }
  };
  events.onmessage = e => {
    const kinds = e.data.split(",");
    if (current && current.kinds.some(k => kinds.includes(k))) scheduleRefresh();
  };
}

window.addEventListener("hashchange", show);
show();
connectLive();
