"""Views: content models turned into page Markdown and HTML fragments through Jinja templates."""
