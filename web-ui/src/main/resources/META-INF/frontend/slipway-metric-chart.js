// A run's metrics by step, drawn with Chart.js: one line per metric. The server sets the `series` attribute:
// JSON {metric: [[step, value], ...]}.
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const PALETTE = ['#1676f3', '#f39c12', '#27ae60', '#8e44ad', '#16a085', '#c0392b'];

class SlipwayMetricChart extends HTMLElement {
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
    const datasets = Object.keys(series).map((name, i) => ({
      label: name,
      data: series[name].map(([step, value]) => ({ x: step, y: value })),
      borderColor: PALETTE[i % PALETTE.length],
      backgroundColor: PALETTE[i % PALETTE.length],
      pointRadius: 2,
      borderWidth: 1.5,
    }));
    if (this.chart) {
      this.chart.data.datasets = datasets;
      this.chart.update('none');
      return;
    }
    this.chart = new Chart(this.canvas, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
        scales: {
          x: { type: 'linear', title: { display: true, text: 'step' }, ticks: { precision: 0 } },
          y: { title: { display: true, text: 'value' } },
        },
      },
    });
  }
}

customElements.define('slipway-metric-chart', SlipwayMetricChart);
