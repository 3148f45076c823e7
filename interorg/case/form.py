"""The basic form of a collaboration (Kaats & Opheij, Common Eye)."""

from typing import Literal

import attrs

__all__ = ["BasicForm", "CollaborationForm"]

#: The four basic forms (grondvormen van samenwerken) of Kaats & Opheij.
BasicForm = Literal["functional", "entrepreneurial", "transactional", "learning"]


@attrs.frozen
class CollaborationForm:
    """The characteristics of a collaboration that show its basic form (grondvorm).

    Kaats & Opheij distinguish four basic forms, each with its own
    characteristics: functioneel, ondernemend, transactioneel and lerend
    samenwerken.  Give the form the partners say they have and answer the
    characteristics; the rules say which form the characteristics show.
    What the partners share and what they exchange (the workbook's
    collaboration strategy) is read against the same characteristics.

    Attributes
    ----------
    claimed : {'functional', 'entrepreneurial', 'transactional', 'learning'}, optional
        The form the partners say they have.
    business_function : bool, optional
        Is one of the partners' business functions placed as a whole with a
        party better equipped for it, or developed or carried out together
        (een bedrijfsfunctie in zijn geheel belegd)?  Functional.
    exclusive : bool, optional
        Is there a customer–supplier relationship on an exclusive basis
        (klant-leveranciersrelatie op exclusieve basis)?  Functional.
    offer_to_third_parties : bool, optional
        Do the partners together offer a product or service to third parties
        (aan derden aangeboden)?  Entrepreneurial.
    shared_risk : bool, optional
        Do the partners commit before the service can be delivered, each
        running a risk (elke partij loopt risico)?  Entrepreneurial.
    transaction_agreements : bool, optional
        Are there agreements on what one partner asks of another, what the
        other delivers in return for what, and on which conditions
        (afspraken over de transactie)?  Transactional.
    chain_improvement : bool, optional
        Is the aim to improve a production process or a chain of
        transactions (een productieproces of een keten verbeteren)?
        Transactional.
    knowledge_sharing : bool, optional
        Do the partners seek each other out to develop, share and renew
        their knowledge (kennis ontwikkelen, delen en vernieuwen)?  Learning.
    open_network : bool, optional
        Is it an open network of equal partners (open netwerk van
        gelijkwaardige partners)?  Learning.
    shares_organising : bool, optional
        Do the partners share aspects of organising (delen van aspecten van
        organiseren), one half of the collaboration strategy of the Common
        Eye workbook?
    exchanges : bool, optional
        Do they exchange products, services and means (uitwisselen van
        producten, diensten en middelen), its other half?
    """

    claimed: BasicForm | None = None
    business_function: bool | None = None
    exclusive: bool | None = None
    offer_to_third_parties: bool | None = None
    shared_risk: bool | None = None
    transaction_agreements: bool | None = None
    chain_improvement: bool | None = None
    knowledge_sharing: bool | None = None
    open_network: bool | None = None
    shares_organising: bool | None = None
    exchanges: bool | None = None
