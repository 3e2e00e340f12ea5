// A deployment's requests over a window, drawn with Chart.js: requests per step stacked by the version that
// answered (errors as a line), or latency p50/p99 per step. The server sets the `series` attribute (JSON).
import {
  BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip);

const PALETTE = ['#1676f3', '#f39c12', '#27ae60', '#8e44ad', '#16a085', '#7f8c8d'];

class SlipwayRequestChart extends HTMLElement {
  static get observedAttributes() {
    return ['series'];
  }

  connectedCallback() {
    if (!this.canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this.canvas = document.createElement('canvas');
      this.appendChild(this.canvas);
    }
    this.draw();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = undefined;
    }
  }

  attributeChangedCallback() {
    this.draw();
  }

  draw() {
    const text = this.getAttribute('series');
    if (!this.canvas || !text) {
      return;
    }
    const series = JSON.parse(text);
    const config = series.kind === 'latency' ? latency(series) : requests(series);
    if (this.chart && this.chart.config.type === config.type) {
      this.chart.data = config.data;
      this.chart.update('none');
    } else {
      if (this.chart) {
        this.chart.destroy();
      }
      this.chart = new Chart(this.canvas, config);
    }
  }
}

function requests(series) {
  const versions = Object.keys(series.byVersion);
  const datasets = versions.map((version, i) => ({
    type: 'bar', label: version === 'none' ? 'refused' : 'v' + version, data: series.byVersion[version],
    backgroundColor: version === 'none' ? '#c0392b' : PALETTE[i % PALETTE.length], stack: 'requests',
  }));
  datasets.push({
    type: 'line', label: 'errors', data: series.errors, borderColor: '#c0392b', backgroundColor: '#c0392b',
    pointRadius: 0, borderWidth: 1.5,
  });
  return {
    type: 'bar',
    data: { labels: series.labels, datasets },
    options: options('requests per ' + series.step, true),
  };
}

function latency(series) {
  return {
    type: 'line',
    data: {
      labels: series.labels,
      datasets: [
        { label: 'p50 ms', data: series.p50, borderColor: '#1676f3', backgroundColor: '#1676f3', spanGaps: true,
          pointRadius: 1.5, borderWidth: 1.5 },
        { label: 'p99 ms', data: series.p99, borderColor: '#f39c12', backgroundColor: '#f39c12', spanGaps: true,
          pointRadius: 1.5, borderWidth: 1.5 },
      ],
    },
    options: options('latency (ms)', false),
  };
}

function options(title, stacked) {
  return {
    animation: false,
    maintainAspectRatio: false,
    plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
    scales: {
      x: { stacked, ticks: { maxTicksLimit: 8, autoSkip: true } },
      y: { stacked, beginAtZero: true, title: { display: true, text: title } },
    },
  };
}

customElements.define('slipway-request-chart', SlipwayRequestChart);
