// PLACEHOLDER: the real demo replaces this file. It only proves that src/ loads in the dev server.
import '../src/index.js';

const status = document.querySelector('#status');
if (status) status.textContent = 'src/index.ts loaded.';
