import full from 'virtual:glossary-full';
import { browser } from 'wxt/browser';
import { mountPopup } from '../../src/popup/mount-popup';
import '../../src/popup/glossary-view.css';
import './style.css';

mountPopup(document, document.getElementById('app')!, { glossary: full, tabs: browser.tabs });
