// The page's glue around vis-network: filters, search, legend and the details panel.
// Every string from a document reaches the DOM through textContent, never as markup;
// vis-network draws labels on a canvas.
(function () {
  "use strict";
  var root = document.getElementById("graph");
  var errors = 0;
  window.addEventListener("error", function () {
    errors += 1;
    root.setAttribute("data-errors", String(errors));
  });
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var visible = new Set(byId.keys());
  var big = data.nodes.length > data.physicsLimit;

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined) { el.textContent = text; }
    if (className) { el.className = className; }
    return el;
  }

  function toVisNode(n) {
    var kind = data.kinds[n.kind];
    var label = n.label.length > 40 ? n.label.slice(0, 39) + "\u2026" : n.label;
    return { id: n.id, label: label, shape: kind.shape, color: kind.color,
             size: n.kind === "meeting" ? 10 : 14, font: { size: big ? 10 : 13 } };
  }

  var nodes = new vis.DataSet(data.nodes.map(toVisNode));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return { id: i, from: e.from, to: e.to, label: big ? undefined : e.label, arrows: "to" };
  }));
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return visible.has(n.id); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return visible.has(e.from) && visible.has(e.to);
  } });
  var network = new vis.Network(root, { nodes: nodeView, edges: edgeView }, {
    layout: { improvedLayout: data.nodes.length <= 150, randomSeed: 7 },
    physics: { solver: big ? "barnesHut" : "forceAtlas2Based",
               stabilization: { iterations: big ? 50 : 200, updateInterval: 25 } },
    edges: { color: { color: "#9aa" }, smooth: false, font: { size: 10, align: "middle" } },
    interaction: { hover: true, hideEdgesOnDrag: big, tooltipDelay: 200 }
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    network.fit();
    root.setAttribute("data-drawn", "true");
  });

  function updateCount() {
    var shown = nodeView.length;
    root.setAttribute("data-node-count", String(shown));
    root.setAttribute("data-edge-count", String(edgeView.length));
    root.setAttribute("data-meeting-count", String(nodeView.get({ filter: function (n) {
      return byId.get(n.id).kind === "meeting";
    } }).length));
    document.getElementById("count").textContent =
      shown + " of " + data.nodes.length + " nodes shown";
  }

  var forceFilter = document.getElementById("force-filter");
  var topicFilter = document.getElementById("topic-filter");
  var sinceFilter = document.getElementById("since-filter");

  function fillSelect(select, pairs) {
    pairs.sort(function (a, b) { return a[1].localeCompare(b[1]); });
    pairs.forEach(function (pair) {
      var option = element("option", pair[1]);
      option.value = pair[0];
      select.appendChild(option);
    });
  }

  function meetingMatches(meeting) {
    if (forceFilter.value && meeting.force !== forceFilter.value) { return false; }
    if (topicFilter.value && meeting.topics.indexOf(topicFilter.value) < 0) { return false; }
    return !sinceFilter.value || (meeting.date !== "" && meeting.date >= sinceFilter.value);
  }

  function applyFilters() {
    var chosen = new Set(Object.keys(data.meetings).filter(function (id) {
      return meetingMatches(data.meetings[id]);
    }));
    visible = new Set(data.nodes.filter(function (n) {
      return n.meetings.some(function (m) { return chosen.has(m); });
    }).map(function (n) { return n.id; }));
    nodeView.refresh();
    edgeView.refresh();
    updateCount();
  }

  function showDetails(id) {
    var n = byId.get(id);
    var panel = document.getElementById("details");
    panel.replaceChildren();
    if (!n) { return; }
    panel.appendChild(element("h2", n.label));
    panel.appendChild(element("div", data.kinds[n.kind].label));
    panel.appendChild(element("div", n.id, "iri"));
    var list = element("dl");
    n.details.forEach(function (pair) {
      list.appendChild(element("dt", pair[0]));
      list.appendChild(element("dd", pair[1]));
    });
    panel.appendChild(list);
    if (n.quotes.length) { panel.appendChild(element("h3", "Evidence")); }
    n.quotes.forEach(function (q) {
      var quote = element("blockquote", q[0]);
      quote.appendChild(element("cite", q[1] ? "\u2014 " + q[1] : ""));
      panel.appendChild(quote);
    });
  }

  function search(text) {
    var needle = text.trim().toLowerCase();
    if (!needle) { network.unselectAll(); return; }
    var found = data.nodes.filter(function (n) {
      return visible.has(n.id) && n.label.toLowerCase().indexOf(needle) >= 0;
    }).map(function (n) { return n.id; });
    network.selectNodes(found);
    if (found.length) { network.fit({ nodes: found }); showDetails(found[0]); }
  }

  function buildLegend() {
    var legend = document.getElementById("legend");
    Object.keys(data.kinds).forEach(function (kind) {
      var count = data.nodes.filter(function (n) { return n.kind === kind; }).length;
      var item = element("li");
      var swatch = element("span", data.kinds[kind].glyph, "swatch");
      swatch.style.color = data.kinds[kind].color;
      item.appendChild(swatch);
      item.appendChild(element("span", data.kinds[kind].label + " (" + count + ")"));
      legend.appendChild(item);
    });
    var words = { person: "people seen at one meeting", decision: "decisions",
                  meeting: "older meetings" };
    var omitted = Object.keys(data.omitted).map(function (k) {
      return data.omitted[k] + " " + (words[k] || k);
    });
    if (omitted.length) {
      document.getElementById("omitted").textContent = "Not drawn, to keep the page " +
        "usable: " + omitted.join(", ") + " (narrow with --force, --topic or --since)";
    }
  }

  function readHash() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    forceFilter.value = params.get("force") || "";
    topicFilter.value = params.get("topic") || "";
    sinceFilter.value = params.get("since") || "";
    return params.get("search") || "";
  }

  fillSelect(forceFilter, data.forces);
  fillSelect(topicFilter, data.topics);
  buildLegend();
  [forceFilter, topicFilter, sinceFilter].forEach(function (control) {
    control.addEventListener("change", applyFilters);
  });
  document.getElementById("search").addEventListener("input", function (event) {
    search(event.target.value);
  });
  network.on("click", function (params) { showDetails(params.nodes[0]); });
  var wanted = readHash();
  applyFilters();
  if (wanted) { document.getElementById("search").value = wanted; search(wanted); }
  root.setAttribute("data-ready", "true");
})();
