"""Look inside BERT-family models: attention, input anatomy, fill-mask and senses.

Every module imports torch and transformers inside its functions only.  The
shared entry point is :func:`workbench.core.inspect.model.load_for_inspection`,
which loads a local model folder once (with its masked-LM head when the
checkpoint has one) and encodes text with a visible truncation notice.
"""
