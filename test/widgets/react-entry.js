/**
 * What the React test needs from React 19, bundled as one ES module by the test server (`/__test/react.js`).
 * Plain JavaScript: React ships no types of its own, and the test needs none.
 */
export { createElement, useState, version } from 'react';
export { createRoot } from 'react-dom/client';
