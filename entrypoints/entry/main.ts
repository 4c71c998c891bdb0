import full from 'virtual:glossary-full';
import { mountEntryPage } from '../../src/popup/mount-entry-page';
import '../../src/popup/glossary-view.css';
import './style.css';

mountEntryPage(window, document.getElementById('app')!, full);
