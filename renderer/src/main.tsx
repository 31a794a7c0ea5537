import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/base.css'
import './styles/sidebar.css'
import './styles/case-list.css'
import './styles/layout.css'
import './styles/case.css'
import './styles/editor.css'
import './styles/usability.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
